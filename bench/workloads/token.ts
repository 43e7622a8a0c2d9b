// A new token for the same user (Kinde's SDK refreshed it): requests and time until all six
// resources show data fetched with it, and how many of them flashed to "no data" meanwhile.
import { rounds, start, whenFresh, type Entry } from '../lib/harness'
import type { Row } from '../lib/report'
import { median, now, sleep } from '../lib/stats'
import { NAMES } from '../lib/stub'
import { token } from '../lib/token'

export async function tokenChange(entries: Entry[], n = 15): Promise<Row[]> {
  const reqs: Row = { workload: 'Same-user token change: requests to refresh all six', unit: 'requests', values: {}, vs: ['tanstack', 'nanoquery'], target: '6' }
  const time: Row = { workload: 'Same-user token change: time until all six refreshed', unit: 'ms', values: {}, vs: ['tanstack', 'nanoquery'] }
  const flash: Row = { workload: 'Same-user token change: resources that flashed to no data', unit: 'resources', values: {}, vs: ['tanstack', 'nanoquery'], target: '0' }
  for (const { column, subject } of entries) {
    const res = await rounds(n, `token ${subject.name}`, async () => {
      const { stub, inst } = await start(subject, NAMES)
      const flashed = new Set<string>()
      const offs = NAMES.map((name) => inst.subscribe(name, () => { if (inst.empty(name)) flashed.add(name) }))
      await whenFresh(inst, stub, NAMES) // TanStack refetches when an observer mounts: let that finish
      await sleep(5)
      stub.bump()
      const t0 = now()
      inst.changeToken(token())
      const ms = await whenFresh(inst, stub, NAMES)
      offs.forEach((off) => off())
      inst.destroy()
      return [stub.count(t0), ms, flashed.size] as const
    })
    const ok = res.filter((x): x is readonly [number, number, number] => x !== null)
    const pick = (i: number) => (ok.length ? median(ok.map((x) => x[i]!)) : null)
    reqs.values[column] = pick(0); time.values[column] = pick(1); flash.values[column] = pick(2)
  }
  if (reqs.values.ours != null) reqs.met = reqs.values.ours === 6
  if (flash.values.ours != null) flash.met = flash.values.ours === 0
  return [reqs, time, flash]
}
