// 1,000 subscribers of one resource subscribing in the tick the library starts: how many fetches?
import { rounds, whenFresh, type Entry } from '../lib/harness'
import type { Row } from '../lib/report'
import { median } from '../lib/stats'
import { createStub, PATHS } from '../lib/stub'
import { token } from '../lib/token'

export async function dedup(entries: Entry[], n = 3): Promise<Row[]> {
  const values: Row['values'] = {}
  for (const { column, subject } of entries) {
    const counts = await rounds(n, `dedup ${subject.name}`, async () => {
      const stub = createStub()
      const inst = subject.create({ stub, token: token(), names: ['permissions'] })
      const offs = Array.from({ length: 1000 }, () => inst.subscribe('permissions', () => {}))
      await whenFresh(inst, stub, ['permissions'])
      offs.forEach((off) => off())
      inst.destroy()
      return stub.count(0, PATHS.permissions)
    })
    const ok = counts.filter((c): c is number => c !== null)
    values[column] = ok.length ? median(ok) : null
  }
  return [{
    workload: 'Fetch calls: 1,000 subscribers of one resource in one tick', unit: 'requests', values,
    vs: ['tanstack', 'nanoquery'], target: '1', met: values.ours == null ? null : values.ours === 1,
  }]
}
