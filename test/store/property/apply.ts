// One step of a sequence, applied to the tabs, the token source or the mock.
import { advance, quiet as flush, until } from './clock'
import type { Run } from './sequence'
import type { Reset, Step } from './steps'
import type { Tab } from './tab'
import { IDENTITIES } from './world'

const retryHeaders = (r: Reset) =>
  r.kind === 'reset' ? { rateLimitReset: r.seconds }
    : r.kind === 'after' ? { retryAfter: r.seconds }
      : r.kind === 'date' ? { retryAfter: new Date(Date.now() + r.seconds * 1000).toUTCString() } : {}

async function signOut(run: Run, tab: Tab, revoke: boolean): Promise<void> {
  const { shared, tabs, call, time, report, disk } = run
  const token = tab.held
  const user = tab.store.$session.get().userId
  const org = tab.store.$session.get().orgCode
  // The sign-out reaches the tabs of that identity (the channel is per identity); those must never send the token.
  const told = tabs.filter((other) => other && !other.destroyed && other.store.$session.get().userId === user && other.store.$session.get().orgCode === org)
  let done = false
  const p = call(tab, 'signOut()', () => tab.store.signOut(revoke ? { clientId: 'mock_client_id' } : { revoke: false }))
  void p?.then(() => { done = true }, (error) => {
    done = true
    report(shared.thrown.has(error) ? 'rule 16: signOut() rejected with a subscriber exception' : 'signOut() rejected', String(error))
  })
  if (!await time(() => until(() => done, 'signOut', 10_000), 'signOut') && !done) report('rule 15: signOut() did not resolve within 10 s', '')
  tab.held = null
  if (token === null) return
  shared.forbidden.set(token, `signed out in tab ${tab.slot} at ${run.at}`)
  // Tabs of that identity are told; they ignore the token too.
  for (const other of tabs) if (other && !other.destroyed && other.held === token) { other.ignored.add(token); other.held = null }
  for (const other of told) other!.toldOf.add(token)
  tab.ignored.add(token)
  if (user) disk?.signedOut(user)
}

export async function apply(run: Run, s: Step): Promise<void> {
  const { world, seq, shared, tabs, call, time, track, report } = run
  const tab = 'slot' in s ? run.tabAt(s.slot) : null
  switch (s.t) {
    case 'source': shared.source = world.token(IDENTITIES[s.who]!, s.variant); break
    case 'sourceEmpty': shared.source = s.value; break
    case 'push': {
      if (!tab) break
      const token = s.variant === null ? null : world.token(IDENTITIES[s.who]!, s.variant)
      if (token === null || !tab.ignored.has(token)) tab.held = token
      call(tab, 'setToken()', () => tab.store.setToken(token))
      break
    }
    case 'signOut': if (tab) await signOut(run, tab, s.revoke); break
    case '429': world.api.fault(s.route, { status: 429, ...retryHeaders(s.reset) }, { times: s.times }); break
    case 'status': world.api.fault(s.route, { status: s.status }, { times: s.times }); break
    case 'latency': shared.latency.push({ route: s.route, ms: s.ms, left: s.times }); break
    case 'visible': if (tab) call(tab, 'visibility', () => tab.visibility.set(s.on)); break
    case 'online': call(tabs[0]!, 'online', () => shared.online.set(s.on)); break
    case 'refresh': if (tab) { const p = call(tab, 'refresh()', () => tab.store.refresh()); if (p) track(tab, `refresh() at ${run.at}`, p) } break
    case 'portal': {
      if (!tab) break
      const before = tab.identityChanges
      const signedOut = tab.store.$session.get().status === 'signed-out'
      const when = run.at
      const p = call(tab, 'getPortalLink()', () => tab.store.getPortalLink({}))
      if (p) track(tab, `getPortalLink() at ${run.at}`, p, (ok) => {
        if (!ok) return
        if (signedOut) report('rule 13: getPortalLink() called while signed out resolved', `tab ${tab.slot}, of ${when}`)
        else if (tab.identityChanges !== before) report('rule 13: an action resolved after its identity changed', `tab ${tab.slot}, getPortalLink() of ${when}`)
      })
      break
    }
    case 'tab': {
      if (!seq.twoTabs) break
      const current = tabs[s.slot]
      if (current) { call(current, 'destroy()', () => current.close()); tabs[s.slot] = null } else tabs[s.slot] = run.open(s.slot)
      break
    }
    case 'wait': await time(() => advance(s.ms, 500), 'wait'); break
  }
  await time(() => flush(2), 'flush')
}
