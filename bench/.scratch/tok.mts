import { start, whenFresh } from '../lib/harness'
import { ours } from '../subjects/ours'
import { tanstack } from '../subjects/tanstack'
import { NAMES, versionOf } from '../lib/stub'
import { now, sleep } from '../lib/stats'
import { token } from '../lib/token'
for (const subj of [ours, tanstack, ours, tanstack]) {
  const { stub, inst } = await start(subj, NAMES)
  await sleep(20)
  stub.bump()
  const t0 = now()
  const seen: Record<string, string> = {}
  const offs = NAMES.map((n) => inst.subscribe(n, (v: any) => { if (!seen[n] && versionOf(v.data) === stub.version && inst.settled(n)) seen[n] = (now() - t0).toFixed(2) }))
  inst.changeToken(token())
  await whenFresh(inst, stub, NAMES)
  console.log(subj.name, (now() - t0).toFixed(2), seen, stub.requests.filter((r) => r.at >= t0).map((r) => (r.at - t0).toFixed(2)).join(' '))
  offs.forEach((o) => o()); inst.destroy()
}
process.exit(0)
