// Time to fan one update out to 10,000 subscribers, per notification, against a bare nanostores
// atom. An update is a poll that returns changed data; its cost with one subscriber is subtracted,
// so what remains is the fan-out alone. Notifications per update are counted on the last subscriber.
// Interleaving: each round measures 1 then 10,000 subscribers on the same instance.
import { rounds, start, type Entry } from '../lib/harness'
import type { Row } from '../lib/report'
import { gc, median, now } from '../lib/stats'
import { versionOf } from '../lib/stub'
import { bareAtom } from '../subjects/atom'
import type { Instance } from '../subjects/types'

const N = 10_000
const UPDATES = 25

async function perUpdate(inst: Instance, bump: () => number, subscribers: number): Promise<{ ms: number[]; notes: number }> {
  let target = -1, done: ((t: number) => void) | undefined, notes = 0
  const offs: Array<() => void> = []
  for (let i = 1; i < subscribers; i++) offs.push(inst.subscribe('permissions', () => {}))
  offs.push(inst.subscribe('permissions', (v) => {
    notes++
    if (done && versionOf((v as { data?: unknown }).data) === target && inst.settled('permissions')) { done(now()); done = undefined }
  }))
  const ms: number[] = []
  let total = 0
  gc()
  for (let u = 0; u < UPDATES; u++) {
    target = bump()
    notes = 0
    const seen = new Promise<number>((r) => { done = r })
    const t0 = now()
    inst.poll('permissions')
    ms.push((await seen) - t0)
    await new Promise((r) => setTimeout(r, 0)) // trailing notifications of this update
    total += notes
  }
  offs.forEach((off) => off())
  return { ms, notes: total / UPDATES }
}

async function measure(entry: Entry, n: number): Promise<{ ms: number | null; notes: number }> {
  let notes = 0
  const per = await rounds(n, `fanout ${entry.subject.name}`, async () => {
    const { stub, inst } = await start(entry.subject, ['permissions'])
    const bump = () => { stub.bump(); return stub.version }
    const one = await perUpdate(inst, bump, 1)
    const many = await perUpdate(inst, bump, N)
    inst.destroy()
    notes = many.notes
    return (median(many.ms) - median(one.ms)) / Math.max(1, many.notes)
  })
  const ok = per.filter((x): x is number => x !== null)
  return { ms: ok.length ? median(ok) : null, notes }
}

export async function fanout(entries: Entry[], stream: Entry | null, n = 5): Promise<Row[]> {
  // The floor travels the same path (stub fetch, poll, two notifications) into a bare atom.
  const floor = (await measure({ column: 'floor', subject: bareAtom }, n)).ms ?? NaN
  const main: Row = { workload: 'Fan-out of one update to 10,000 subscribers of `$state` (per notification)', unit: 'ms', values: { floor }, vs: ['floor', 'tanstack', 'nanoquery'] }
  const notes: string[] = []
  for (const e of entries) {
    const m = await measure(e, n)
    main.values[e.column] = m.ms
    notes.push(`${e.column} ${m.notes.toFixed(1)}`)
  }
  main.note = `notifications per changed poll: ${notes.join(', ')}`
  const rows = [main]
  if (stream) {
    const m = await measure(stream, n)
    rows.push({ workload: 'Fan-out of one update to 10,000 subscribers of `state$` (per notification)', unit: 'ms', values: { ours: m.ms, floor }, vs: ['floor'] })
  }
  for (const r of rows) if (r.values.ours != null) { r.target = '≤ 1.5× atom'; r.met = r.values.ours / floor <= 1.5 }
  return rows
}
