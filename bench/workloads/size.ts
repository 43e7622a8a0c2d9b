// Bundle sizes: the minimal six-resource app per library, and each of our other entries alone.
import { type Row } from '../lib/report'
import { sizeOf, type Size } from '../lib/size'

// persist-client-core pins an older query-core nested under itself; an app would dedupe it.
const TANSTACK_DEDUPE = { '@tanstack/query-core': './node_modules/@tanstack/query-core/build/modern/index.js' }
const FRAMEWORK = ['vue', 'svelte', 'svelte/*', 'react', 'react-dom', 'react/*', 'nanostores', 'rxjs', 'rxjs/*', 'kinde-account-sync']
const NODE = ['node:*']
/** Issue 13's goal for the default app, with either resolution. */
const APP_TARGET = 15_000

async function tryOurs(f: () => Promise<Size>): Promise<Size | null> {
  try { return await f() } catch (e) { console.warn(`  (ours not measurable yet: ${(e as Error).message.split('\n')[0]})`); return null }
}

/** Each entry alone: what it adds to an app that already has the core (and its framework). */
const ENTRIES: { name: string; folder: string; target: number; note?: string; external?: string[] }[] = [
  { name: 'vue', folder: 'adapters/vue', target: 1024 },
  { name: 'svelte', folder: 'adapters/svelte', target: 1024 },
  { name: 'vanilla', folder: 'adapters/vanilla', target: 1024 },
  { name: 'react', folder: 'adapters/react', target: 1024 },
  { name: 'kinde', folder: 'src/kinde', target: 1536 },
  { name: 'rxjs', folder: 'adapters/rxjs', target: 1024, note: 'rxjs external (its optional peer)' },
  { name: 'devtools', folder: 'adapters/devtools', target: 8192, note: 'report only' },
]

export async function sizes(): Promise<{ rows: Row[]; raw: Record<string, Size | null> }> {
  const tanstack = await sizeOf('bench/apps/tanstack.ts', { alias: TANSTACK_DEDUPE })
  const nanoquery = await sizeOf('bench/apps/nanoquery.ts')
  const oursDefault = await tryOurs(() => sizeOf('bench/apps/ours.ts'))
  const oursEs2015 = await tryOurs(() => sizeOf('bench/apps/ours.ts', { conditions: ['es2015'] }))
  const raw: Record<string, Size | null> = { tanstack, nanoquery, oursDefault, oursEs2015 }
  const rows: Row[] = [
    app('App bundle, six resources + interval + IndexedDB (default resolution)', oursDefault),
    app('App bundle, same, `es2015` condition', oursEs2015),
  ]
  function app(workload: string, ours: Size | null): Row {
    return {
      workload, unit: 'B min+gz', values: { ours: ours?.gzip ?? null, tanstack: tanstack.gzip, nanoquery: nanoquery.gzip },
      vs: ['tanstack', 'nanoquery'], target: `≤ ${APP_TARGET.toLocaleString('en-US')}`, met: ours == null ? null : ours.gzip <= APP_TARGET,
    }
  }
  for (const { name, folder, target, note } of ENTRIES) {
    const s = await tryOurs(() => sizeOf(`${folder}/index.ts`, { external: FRAMEWORK, keepInside: folder }))
    raw[`entry:${name}`] = s
    rows.push({ workload: `Entry \`./${name}\` alone (core and framework external${note ? `; ${note}` : ''})`, unit: 'B min+gz',
      values: { ours: s?.gzip ?? null }, target: `≤ ${target.toLocaleString('en-US')}`, met: s == null ? null : s.gzip <= target })
  }
  // what an app that does not use rxjs yet pays for `./rxjs`: the entry and rxjs's Observable
  const rx = await tryOurs(() => sizeOf('adapters/rxjs/index.ts', { external: FRAMEWORK.filter((f) => !f.startsWith('rxjs')), keepInside: 'adapters/rxjs' }))
  raw['entry:rxjs+rxjs'] = rx
  rows.push({ workload: 'Entry `./rxjs` with rxjs bundled (an app without rxjs so far)', unit: 'B min+gz', values: { ours: rx?.gzip ?? null } })
  const mock = await tryOurs(() => sizeOf('src/mock/index.ts', { external: NODE }))
  raw['entry:mock'] = mock
  rows.push({ workload: 'Entry `./mock` (tests and Node only; not in any browser budget)', unit: 'B min+gz', values: { ours: mock?.gzip ?? null },
    // the budget .size-limit.json checks in CI (the OAuth endpoints Kinde's SDKs use grew it past the old 12 KiB)
    target: '≤ 14,000', met: mock == null ? null : mock.gzip <= 14_000 })
  return { rows, raw }
}
