// The end of every sequence: faults stop, the source yields a token no tab has seen, and every
// tab must sign it in on its next refresh() and converge on that identity's server data.
import { until } from './clock'
import type { Run } from './sequence'
import type { Tab } from './tab'
import { IDENTITIES, NAMES } from './world'

export async function converge(run: Run): Promise<void> {
  const { world, seq, shared, tabs, opened, call, time, report, caught } = run
  // Faults stop; the source answers a token the store never saw; each tab's next refresh() signs it in.
  run.at = 'convergence'
  world.api.clearFaults()
  shared.latency.length = 0
  if (!tabs[0]) tabs[0] = run.open(0)
  const live = tabs.filter((t): t is Tab => t !== null)
  call(live[0]!, 'online', () => shared.online.set(true))
  for (const t of live) call(t, 'visibility', () => t.visibility.set(true))
  const final = IDENTITIES[seq.seed % IDENTITIES.length]!
  shared.source = world.token(final, 'final')
  for (const t of live) {
    let settled = false
    void call(t, 'refresh()', () => t.store.refresh())?.then(() => { settled = true })
    if (!await time(() => until(() => settled, 'refresh', 60_000), 'refresh') && !settled) report('refresh() never settled', `tab ${t.slot} (convergence)`)
    const s = t.store.$session.get()
    if (s.userId !== final.user || s.orgCode !== final.org) {
      report('Tokens: refresh() did not sign in the token the source now yields', `tab ${t.slot}: session ${s.status} ${s.userId ?? ''}, source yields ${final.key}${t.ignored.size ? ' (after a sign-out)' : ''}`)
      call(t, 'setToken()', () => t.store.setToken(world.token(final, 'final')))
    }
  }
  const ready = () => live.every((t) => NAMES.every((n) => t.store[n].get().status === 'ready' && !t.store[n].get().fetching))
  const converged = await time(() => until(ready, 'converged', 60_000), 'convergence') || ready()
  if (!converged) {
    report(`did not converge${seq.throwing ? ' (with throwing subscribers)' : ''}`, live.map((t) => NAMES.map((n) => `${t.slot}.${n}:${t.store[n].get().status}${t.store[n].get().fetching ? '+' : ''}`).join(' ')).join(' | '))
  }
  for (const t of converged ? live : []) {
    for (const n of NAMES) {
      const owners = world.owners(n, t.store[n].get().data)
      if (!owners.includes(final.key)) report('converged on data of another identity', `tab ${t.slot} ${n}: ${owners.join(',') || 'nobody'}`)
    }
  }
  // anything still waiting (a refresh() during a long cool-down, a slow portal link) settles
  const settled = () => opened.every((t) => t.pending.size === 0)
  await time(() => until(settled, 'settled', 30_000, 500).catch(() => {}), 'settling')
  for (const t of opened) for (const what of t.pending.values()) report('refresh() or an action never settled', `tab ${t.slot} ${what}`)
  for (const error of shared.thrown) {
    const seen = caught.reported.some((r) => r === error || (r as { cause?: unknown } | null)?.cause === error)
    if (!seen) { report('rule 16: a subscriber exception was not reported', String(error)); break }
  }
}
