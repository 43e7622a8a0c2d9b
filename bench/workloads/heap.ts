// Heap retained per live subscriber, from 10,000 of them (full GC before and after). Each
// subscriber is its own closure, as components' callbacks are; the atom floor pays for the same.
import { atom } from 'nanostores'
import { BehaviorSubject } from 'rxjs'
import { rounds, start, type Entry } from '../lib/harness'
import type { Row } from '../lib/report'
import { gc, median } from '../lib/stats'

const N = 10_000

function perSubscriber(subscribe: (fn: (v: unknown) => void) => () => void): number {
  const offs: Array<() => void> = new Array(N)
  const sink = { last: undefined as unknown }
  gc()
  const before = process.memoryUsage().heapUsed
  for (let i = 0; i < N; i++) offs[i] = subscribe((v) => { sink.last = v })
  gc()
  const after = process.memoryUsage().heapUsed
  for (const off of offs) off()
  return (after - before) / N
}

async function measure(entry: Entry, n: number): Promise<number | null> {
  const bytes = await rounds(n, `heap ${entry.subject.name}`, async () => {
    const { inst } = await start(entry.subject, ['permissions'])
    const keep = inst.subscribe('permissions', () => {})
    const b = perSubscriber((fn) => inst.subscribe('permissions', fn))
    keep()
    inst.destroy()
    return b
  })
  const ok = bytes.filter((x): x is number => x !== null)
  return ok.length ? median(ok) : null
}

export async function heap(entries: Entry[], stream: Entry | null, n = 3): Promise<Row[]> {
  const floor = median(Array.from({ length: n }, () => {
    const $a = atom({ v: 0 })
    const keep = $a.subscribe(() => {})
    const b = perSubscriber((fn) => $a.subscribe(fn))
    keep()
    return b
  }))
  const main: Row = { workload: 'Heap per live subscriber (10,000 live), `$state`', unit: 'B', values: { floor }, vs: ['floor', 'tanstack', 'nanoquery'] }
  for (const e of entries) main.values[e.column] = await measure(e, n)
  const rows = [main]
  if (stream) {
    // What any rxjs subscription costs: a BehaviorSubject, the rxjs way to hold a current value.
    const rx = median(Array.from({ length: n }, () => {
      const subject = new BehaviorSubject({ v: 0 })
      return perSubscriber((fn) => { const s = subject.subscribe(fn); return () => s.unsubscribe() })
    }))
    rows.push({ workload: 'Heap per live subscriber (10,000 live), `state$`', unit: 'B', values: { ours: await measure(stream, n), floor }, vs: ['floor'],
      note: `an rxjs BehaviorSubject subscriber retains ${Math.round(rx)} B on its own` })
  }
  for (const r of rows) if (r.values.ours != null) { r.target = '≤ 1.2× atom'; r.met = r.values.ours <= 1.2 * floor }
  return rows
}
