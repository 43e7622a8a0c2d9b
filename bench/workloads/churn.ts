// 100,000 subscribe/unsubscribe cycles on a resource that already has one long-lived subscriber
// (a component mounting and unmounting while the rest of the app keeps the data in use).
import { atom } from 'nanostores'
import { rounds, start, type Entry } from '../lib/harness'
import type { Row } from '../lib/report'
import { gc, median, now } from '../lib/stats'

const CYCLES = 100_000

async function measure(entry: Entry, n: number): Promise<number | null> {
  const times = await rounds(n, `churn ${entry.subject.name}`, async () => {
    const { inst } = await start(entry.subject, ['permissions'])
    const keep = inst.subscribe('permissions', () => {})
    const fn = () => {}
    gc() // garbage of earlier workloads must not be collected on our clock
    const t0 = now()
    for (let i = 0; i < CYCLES; i++) inst.subscribe('permissions', fn)()
    const ms = now() - t0
    keep()
    inst.destroy()
    return ms
  })
  const ok = times.filter((x): x is number => x !== null)
  return ok.length ? median(ok) : null
}

function atomFloor(): number {
  const $a = atom({ v: 0 })
  const keep = $a.subscribe(() => {})
  const fn = () => {}
  gc()
  const t0 = now()
  for (let i = 0; i < CYCLES; i++) $a.subscribe(fn)()
  const ms = now() - t0
  keep()
  return ms
}

export async function churn(entries: Entry[], stream: Entry | null, n = 3): Promise<Row[]> {
  const floor = median(Array.from({ length: n }, atomFloor))
  const main: Row = { workload: '100,000 subscribe/unsubscribe cycles, `$state`', unit: 'ms', values: { floor }, vs: ['nanoquery', 'tanstack', 'floor'] }
  for (const e of entries) main.values[e.column] = await measure(e, n)
  const rows = [main]
  if (stream) rows.push({ workload: '100,000 subscribe/unsubscribe cycles, `state$`', unit: 'ms', values: { ours: await measure(stream, n), nanoquery: main.values.nanoquery, floor }, vs: ['nanoquery', 'floor'] })
  for (const r of rows) {
    const nq = r.values.nanoquery
    if (r.values.ours != null && nq != null) { r.target = '≤ 1× nq'; r.met = r.values.ours <= nq }
  }
  return rows
}
