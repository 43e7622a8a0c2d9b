// Runs every workload in one process, prints the Markdown table and writes bench/results.json.
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import os from 'node:os'
import type { Entry } from './lib/harness'
import { markdown, type Row } from './lib/report'
import { ROOT } from './lib/size'
import { nanoq } from './subjects/nanoquery'
import { tanstack } from './subjects/tanstack'
import { chromiumRows } from './workloads/chromium'
import { churn } from './workloads/churn'
import { dedup } from './workloads/dedup'
import { fanout } from './workloads/fanout'
import { heap } from './workloads/heap'
import { hydrate } from './workloads/hydrate'
import { sizes } from './workloads/size'
import { storm } from './workloads/storm'
import { tokenChange } from './workloads/token'
import { unchanged } from './workloads/unchanged'

const only = process.env.BENCH_ONLY?.split(',')
const want = (name: string) => !only || only.includes(name)

async function loadOurs(): Promise<{ ours: Entry | null; stream: Entry | null }> {
  try {
    const m = await import('./subjects/ours')
    const probe = m.ours.create({ stub: (await import('./lib/stub')).createStub(), token: (await import('./lib/token')).token(), names: ['profile'] })
    probe.destroy()
    return { ours: { column: 'ours', subject: m.ours }, stream: { column: 'ours', subject: m.oursStream } }
  } catch (e) {
    console.warn(`ours is not runnable yet (${(e as Error).message.split('\n')[0]}); measuring the peers only`)
    return { ours: null, stream: null }
  }
}

function version(pkg: string): string {
  return JSON.parse(readFileSync(resolve(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version
}

const started = performance.now()
const { ours, stream } = await loadOurs()
const entries: Entry[] = [...(ours ? [ours] : []), { column: 'tanstack', subject: tanstack }, { column: 'nanoquery', subject: nanoq }]
const rows: Row[] = []
const step = async (name: string, f: () => Promise<Row[]>) => {
  if (!want(name)) return
  const t0 = performance.now()
  process.stderr.write(`bench: ${name}…`)
  rows.push(...(await f()))
  const heapMb = (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)
  process.stderr.write(` ${((performance.now() - t0) / 1000).toFixed(1)} s (heap ${heapMb} MB)\n`)
}
let raw: unknown
await step('size', async () => { const s = await sizes(); raw = s.raw; return s.rows })
await step('dedup', () => dedup(entries))
await step('churn', () => churn(entries, stream))
await step('fanout', () => fanout(entries, stream))
await step('heap', () => heap(entries, stream))
await step('unchanged', () => unchanged(entries))
await step('storm', () => storm(entries))
await step('hydrate', () => hydrate(!!ours))
await step('chromium', () => chromiumRows())
await step('token', () => tokenChange(entries))

const env = {
  date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model,
  versions: Object.fromEntries(['@tanstack/query-core', '@tanstack/query-persist-client-core', '@nanostores/query',
    'nanostores', 'rxjs', 'ofetch', 'idb-keyval', 'esbuild', 'fake-indexeddb', 'playwright-core'].map((p) => [p, version(p)])),
  seconds: Math.round((performance.now() - started) / 1000),
}
const table = markdown(rows)
console.log(table)
const notes = rows.filter((r) => r.note).map((r) => `- ${r.workload}: ${r.note}`)
if (notes.length) console.log(`\n${notes.join('\n')}`)
console.log(`\nNode ${env.node}, ${env.cpus} cores (${env.cpu}), ${env.seconds} s. Medians of several rounds; ratio = ours / peer.`)
// A full run puts its table into bench/README.md (between the markers), so the README always shows
// the table a run printed. A partial run (BENCH_ONLY) leaves README and results.json alone.
if (!only) {
  writeFileSync(resolve(ROOT, 'bench/results.json'), JSON.stringify({ env, rows, sizes: raw }, null, 2) + '\n')
  const readme = resolve(ROOT, 'bench/README.md')
  const text = readFileSync(readme, 'utf8')
  const block = `<!-- table:start -->\n${table}\n\n${notes.join('\n')}${notes.length ? '\n\n' : ''}` +
    `Run ${env.date.slice(0, 16).replace('T', ' ')} UTC: Node ${env.node}, ${env.cpus} cores (${env.cpu}), ${env.seconds} s; ` +
    `${Object.entries(env.versions).map(([k, v]) => `${k} ${v}`).join(', ')}.\n<!-- table:end -->`
  writeFileSync(readme, text.replace(/<!-- table:start -->[\s\S]*<!-- table:end -->/, () => block)) // a function: `$` in the table is literal
}
process.exit(0) // TanStack gc timers (5 min) and hung stub fetches would keep the process alive
