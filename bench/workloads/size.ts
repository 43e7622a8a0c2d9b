// Bundle sizes: the minimal six-resource app per library, and each of our adapter entries alone.
import { type Row } from '../lib/report'
import { sizeOf, type Size } from '../lib/size'

// persist-client-core pins an older query-core nested under itself; an app would dedupe it.
const TANSTACK_DEDUPE = { '@tanstack/query-core': './node_modules/@tanstack/query-core/build/modern/index.js' }
const FRAMEWORK = ['vue', 'svelte', 'svelte/*', 'nanostores', 'rxjs', 'rxjs/*', 'kinde-account-sync']

async function tryOurs(f: () => Promise<Size>): Promise<Size | null> {
  try { return await f() } catch (e) { console.warn(`  (ours not measurable yet: ${(e as Error).message.split('\n')[0]})`); return null }
}

export async function sizes(): Promise<{ rows: Row[]; raw: Record<string, Size | null> }> {
  const tanstack = await sizeOf('bench/apps/tanstack.ts', { alias: TANSTACK_DEDUPE })
  const nanoquery = await sizeOf('bench/apps/nanoquery.ts')
  const oursDefault = await tryOurs(() => sizeOf('bench/apps/ours.ts'))
  const oursEs2015 = await tryOurs(() => sizeOf('bench/apps/ours.ts', { conditions: ['es2015'] }))
  const raw: Record<string, Size | null> = { tanstack, nanoquery, oursDefault, oursEs2015 }
  const rows: Row[] = [
    app('App bundle, six resources + interval + IndexedDB (default resolution)', oursDefault, 1.1),
    app('App bundle, same, rxjs `es2015` condition', oursEs2015, 1.0),
  ]
  function app(workload: string, ours: Size | null, max: number): Row {
    const r = ours ? ours.gzip / tanstack.gzip : null
    return {
      workload, unit: 'B min+gz', values: { ours: ours?.gzip ?? null, tanstack: tanstack.gzip, nanoquery: nanoquery.gzip },
      vs: ['tanstack', 'nanoquery'], target: `≤ ${max}× TQ`, met: r == null ? null : r <= max,
    }
  }
  for (const name of ['vue', 'svelte', 'vanilla']) {
    const s = await tryOurs(() => sizeOf(`adapters/${name}/index.ts`, { external: FRAMEWORK, keepInside: `adapters/${name}` }))
    raw[`adapter:${name}`] = s
    rows.push({ workload: `Adapter entry \`./${name}\` alone (core, framework external)`, unit: 'B min+gz',
      values: { ours: s?.gzip ?? null }, target: '≤ 1,024', met: s == null ? null : s.gzip <= 1024 })
  }
  return { rows, raw }
}
