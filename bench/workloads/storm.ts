// A 429 storm: every resource is refreshed at once while the API answers 429 with
// `RateLimit-Reset: 2` for two seconds. Counted: requests inside the storm after the first one per
// resource (the burst already in flight), and the time until all six show fresh data again.
import { rounds, start, whenFresh, type Entry } from '../lib/harness'
import type { Row } from '../lib/report'
import { median, now } from '../lib/stats'
import { NAMES } from '../lib/stub'

const STORM = 2000

export async function storm(entries: Entry[], n = 3): Promise<Row[]> {
  const extra: Row = { workload: '429 storm (RateLimit-Reset: 2): requests inside the cool-down after the burst', unit: 'requests', values: {}, vs: ['tanstack', 'nanoquery'], target: '0' }
  const recover: Row = { workload: '429 storm: time until all six are fresh again', unit: 'ms', values: {}, vs: ['tanstack', 'nanoquery'], target: '≤ 2,300' }
  const total: Row = { workload: '429 storm: requests from storm start to recovery', unit: 'requests', values: {}, vs: ['tanstack', 'nanoquery'] }
  for (const { column, subject } of entries) {
    const res = await rounds(n, `storm ${subject.name}`, async () => {
      const { stub, inst } = await start(subject, NAMES)
      stub.bump()
      stub.storm(STORM)
      const t0 = now()
      inst.refreshAll()
      const ms = await whenFresh(inst, stub, NAMES, 20_000)
      inst.destroy()
      const during = stub.requests.filter((r) => r.at >= t0 && r.at < t0 + STORM)
      const burst = new Set(during.map((r) => r.path)).size
      return [during.length - burst, ms, stub.count(t0)] as const
    })
    const ok = res.filter((x): x is readonly [number, number, number] => x !== null)
    const pick = (i: number) => (ok.length ? median(ok.map((x) => x[i]!)) : null)
    extra.values[column] = pick(0); recover.values[column] = pick(1); total.values[column] = pick(2)
  }
  if (extra.values.ours != null) extra.met = extra.values.ours === 0
  if (recover.values.ours != null) recover.met = recover.values.ours <= 2300
  return [extra, recover, total]
}
