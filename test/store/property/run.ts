// Runs one random sequence against one or two tabs and returns every rule it saw broken.
import { vi } from 'vitest'
import { advance, quiet as flush, until } from './clock'
import { createLockManager } from '../../tabs/support/locks'
import { manualSignal } from './seam'
import type { Reset, Sequence, Slot, Step } from './steps'
import { openTab, type Shared, type Tab } from './tab'
import { IDENTITIES, NAMES, START, type World } from './world'
import { diskOf } from './disk'

/** Category → how often, and the first occurrence. */
export type Verdicts = Map<string, { count: number; first: string }>

const retryHeaders = (r: Reset) =>
  r.kind === 'reset' ? { rateLimitReset: r.seconds }
    : r.kind === 'after' ? { retryAfter: r.seconds }
      : r.kind === 'date' ? { retryAfter: new Date(Date.now() + r.seconds * 1000).toUTCString() } : {}

/** The locks of the tabs' "browser": set by each sequence, read through navigator.locks. */
export const browser = { locks: createLockManager() }

export async function runSequence(world: World, seq: Sequence, caught: { errors: unknown[]; reported: unknown[] }): Promise<Verdicts> {
  vi.setSystemTime(START)
  world.api.clearFaults()
  world.api.clearRequests()
  browser.locks = createLockManager()
  caught.errors.length = 0
  caught.reported.length = 0
  const verdicts: Verdicts = new Map()
  let at = 'start'
  const report = (category: string, detail: string) => {
    const v = verdicts.get(category)
    if (v) v.count++
    else verdicts.set(category, { count: 1, first: `${at}: ${detail}` })
  }
  const disk = seq.persist ? diskOf(report) : null
  const shared: Shared = {
    world, seq, source: world.token(IDENTITIES[seq.first]!, 'long'), forbidden: new Map(), online: manualSignal('online'),
    engine: disk?.engine ?? null, report, thrown: new Set(), latency: [], signedIn: (user) => disk?.signedIn(user),
  }
  const opened: Tab[] = []
  const open = (slot: Slot): Tab => { const t = openTab(slot, shared); opened.push(t); return t }
  const tabs: Array<Tab | null> = [open(0), seq.twoTabs ? open(1) : null]
  const tabAt = (slot: Slot): Tab | null => tabs[seq.twoTabs ? slot : 0] ?? null
  let serial = 0
  const track = (tab: Tab, what: string, promise: Promise<unknown>, after?: (ok: boolean, value: unknown) => void) => {
    const id = ++serial
    tab.pending.set(id, what)
    promise.then((v) => { tab.pending.delete(id); after?.(true, v) }, (e) => { tab.pending.delete(id); after?.(false, e) })
  }
  /** Calls the store; a subscriber's exception must never come out of it (rule 16). */
  const call = <T>(tab: Tab, what: string, fn: () => T): T | undefined => {
    try { return fn() } catch (error) { report('rule 16: a subscriber exception escaped a store call', `${what}: ${String(error)}`) }
  }

  /** Moves fake time; an exception out of a timer is a subscriber's, escaping through the store (rule 16). */
  const time = async (move: () => Promise<void>, what: string): Promise<boolean> => {
    try { await move(); return true } catch (error) {
      if (shared.thrown.has(error)) report('rule 16: a subscriber exception escaped from a timer', what)
      else if (!String(error).includes('timed out waiting')) throw error
      return false
    }
  }

  async function signOut(tab: Tab, revoke: boolean): Promise<void> {
    const token = tab.held
    const user = tab.store.$session.get().userId
    let done = false
    const p = call(tab, 'signOut()', () => tab.store.signOut(revoke ? { clientId: 'mock_client_id' } : { revoke: false }))
    void p?.then(() => { done = true }, (error) => {
      done = true
      report(shared.thrown.has(error) ? 'rule 16: signOut() rejected with a subscriber exception' : 'signOut() rejected', String(error))
    })
    if (!await time(() => until(() => done, 'signOut', 10_000), 'signOut') && !done) report('rule 15: signOut() did not resolve within 10 s', '')
    tab.held = null
    if (token === null) return
    shared.forbidden.set(token, `signed out in tab ${tab.slot} at ${at}`)
    // Tabs of that identity are told; they ignore the token too.
    for (const other of tabs) if (other && !other.destroyed && other.held === token) { other.ignored.add(token); other.held = null }
    tab.ignored.add(token)
    if (user) disk?.signedOut(user)
  }

  async function apply(s: Step): Promise<void> {
    const tab = 'slot' in s ? tabAt(s.slot) : null
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
      case 'signOut': if (tab) await signOut(tab, s.revoke); break
      case '429': world.api.fault(s.route, { status: 429, ...retryHeaders(s.reset) }, { times: s.times }); break
      case 'status': world.api.fault(s.route, { status: s.status }, { times: s.times }); break
      case 'latency': shared.latency.push({ route: s.route, ms: s.ms, left: s.times }); break
      case 'visible': if (tab) call(tab, 'visibility', () => tab.visibility.set(s.on)); break
      case 'online': call(tabs[0]!, 'online', () => shared.online.set(s.on)); break
      case 'refresh': if (tab) { const p = call(tab, 'refresh()', () => tab.store.refresh()); if (p) track(tab, `refresh() at ${at}`, p) } break
      case 'portal': {
        if (!tab) break
        const before = tab.identityChanges
        const signedOut = tab.store.$session.get().status === 'signed-out'
        const when = at
        const p = call(tab, 'getPortalLink()', () => tab.store.getPortalLink({}))
        if (p) track(tab, `getPortalLink() at ${at}`, p, (ok) => {
          if (!ok) return
          if (signedOut) report('rule 13: getPortalLink() called while signed out resolved', `tab ${tab.slot}, of ${when}`)
          else if (tab.identityChanges !== before) report('rule 13: an action resolved after its identity changed', `tab ${tab.slot}, getPortalLink() of ${when}`)
        })
        break
      }
      case 'tab': {
        if (!seq.twoTabs) break
        const current = tabs[s.slot]
        if (current) { call(current, 'destroy()', () => current.close()); tabs[s.slot] = null } else tabs[s.slot] = open(s.slot)
        break
      }
      case 'wait': await time(() => advance(s.ms, 250), 'wait'); break
    }
    await time(() => flush(2), 'flush')
  }

  await time(() => flush(2), 'start')
  for (const [i, s] of seq.steps.entries()) {
    at = `step ${i} ${JSON.stringify(s)}`
    await apply(s)
  }

  // Faults stop; the source answers a token the store never saw; each tab's next refresh() signs it in.
  at = 'convergence'
  world.api.clearFaults()
  shared.latency.length = 0
  if (!tabs[0]) tabs[0] = open(0)
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
  await time(() => advance(30_000, 1000), 'settling') // anything still waiting (a refresh() of a long cool-down) settles
  for (const t of opened) for (const what of t.pending.values()) report('refresh() or an action never settled', `tab ${t.slot} ${what}`)
  for (const error of shared.thrown) {
    const seen = caught.reported.some((r) => r === error || (r as { cause?: unknown } | null)?.cause === error)
    if (!seen) { report('rule 16: a subscriber exception was not reported', String(error)); break }
  }
  for (const t of live) call(t, 'destroy()', () => t.close())
  await time(() => flush(2), 'flush')
  for (const e of caught.errors) report('rule 10: unhandled rejection', String(e))
  return verdicts
}
