// 100,000 subscribe/unsubscribe cycles on a resource that already has one long-lived subscriber
// (a component mounting and unmounting while the rest of the app keeps the data in use).
// Rounds are interleaved (every subject once per round) so a busy moment hurts all alike.
import { start, type Entry } from '../lib/harness'
import type { Column, Row } from '../lib/report'
import { gc, median, now } from '../lib/stats'
import { bareAtom } from '../subjects/atom'

const CYCLES = 100_000

function cycles(subscribe: (fn: () => void) => () => void): number {
  const fn = () => {}
  gc() // garbage of earlier work must not be collected on our clock
  const t0 = now()
  for (let i = 0; i < CYCLES; i++) subscribe(fn)()
  return now() - t0
}

async function once(entry: Entry): Promise<number | null> {
  try {
    const { inst } = await start(entry.subject, ['permissions'])
    const keep = inst.subscribe('permissions', () => {})
    const ms = cycles((fn) => inst.subscribe('permissions', fn))
    keep()
    inst.destroy()
    return ms
  } catch (e) {
    console.warn(`  churn ${entry.subject.name}: ${(e as Error).message}`)
    return null
  }
}

export async function churn(entries: Entry[], stream: Entry | null, n = 5): Promise<Row[]> {
  const samples: Record<string, number[]> = { floor: [], stream: [] }
  for (let r = 0; r < n; r++) {
    const f = await once({ column: 'floor', subject: bareAtom }) // same harness path, bare atom behind it
    if (f !== null) samples.floor!.push(f)
    for (const e of entries) { const ms = await once(e); if (ms !== null) (samples[e.column] ??= []).push(ms) }
    if (stream) { const ms = await once(stream); if (ms !== null) samples.stream!.push(ms) }
  }
  const med = (k: string) => (samples[k]?.length ? median(samples[k]!) : null)
  const main: Row = { workload: '100,000 subscribe/unsubscribe cycles, `$state`', unit: 'ms', values: { floor: med('floor') }, vs: ['nanoquery', 'tanstack', 'floor'] }
  for (const e of entries) main.values[e.column as Column] = med(e.column)
  const rows = [main]
  if (stream) rows.push({ workload: '100,000 subscribe/unsubscribe cycles, `state$`', unit: 'ms', values: { ours: med('stream'), nanoquery: main.values.nanoquery, floor: med('floor') }, vs: ['nanoquery', 'floor'] })
  for (const r of rows) {
    const nq = r.values.nanoquery
    if (r.values.ours != null && nq != null) { r.target = '≤ 1× nq'; r.met = r.values.ours <= nq }
  }
  return rows
}
