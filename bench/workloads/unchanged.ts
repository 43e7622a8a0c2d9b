// A poll whose answer is deep-equal to the data already shown: what do subscribers see?
// Counted after the library has settled again: notifications of a state subscriber, changes of
// the data reference it sees, and notifications of a derived "has permission" value.
import { rounds, start, type Entry } from '../lib/harness'
import type { Row } from '../lib/report'
import { median, until, sleep } from '../lib/stats'

export async function unchanged(entries: Entry[], n = 3): Promise<Row[]> {
  const rows: Row[] = [
    { workload: 'Identical poll: notifications to a `$state` subscriber', unit: 'calls', values: {}, vs: ['tanstack', 'nanoquery'] },
    { workload: 'Identical poll: data reference changes seen', unit: 'changes', values: {}, vs: ['tanstack', 'nanoquery'], target: '0' },
    { workload: 'Identical poll: notifications of a derived `hasPermission`', unit: 'calls', values: {}, vs: ['tanstack', 'nanoquery'], target: '0' },
  ]
  for (const { column, subject } of entries) {
    const res = await rounds(n, `unchanged ${subject.name}`, async () => {
      const { stub, inst } = await start(subject, ['permissions'])
      let calls = 0, refs = 0, derived = 0
      let data = inst.data('permissions')
      const off = inst.subscribe('permissions', (v) => {
        calls++
        const d = (v as { data?: unknown }).data
        if (d !== data) { refs++; data = d }
      })
      const offD = inst.hasPermission('perm_0', () => { derived++ })
      await sleep(5)
      calls = 0; refs = 0; derived = 0
      const before = stub.requests.length
      inst.poll('permissions')
      await until(() => stub.requests.length > before && inst.settled('permissions'))
      await sleep(5)
      off(); offD(); inst.destroy()
      return [calls, refs, derived] as const
    })
    const ok = res.filter((x): x is readonly [number, number, number] => x !== null)
    rows.forEach((r, i) => { r.values[column] = ok.length ? median(ok.map((x) => x[i]!)) : null })
  }
  for (const r of rows.slice(1)) if (r.values.ours != null) r.met = r.values.ours === 0
  return rows
}
