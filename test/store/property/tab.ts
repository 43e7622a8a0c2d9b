// One tab: a store on the shared token source, a fetch that checks every request as it leaves,
// and subscribers that check the whole tab at every emission (some of them throwing, if asked).
import type { AccountStore, StorageEngine } from 'kinde-account-sync'
import { checkTab, deriveAll, type Report } from './checks'
import { mock, sleep } from './clock'
import { openStore, type Signal, manualSignal } from './seam'
import type { Route, Sequence, Slot } from './steps'
import { IDENTITIES, NAMES, type World } from './world'

/** What every tab of one sequence shares: the mock, the token source, the disk, the verdicts. */
export interface Shared {
  world: World
  seq: Sequence
  /** What the function token source answers now. */
  source: string | null | undefined
  /** Signed-out tokens (from the moment signOut() resolved): never sent again, by any tab. */
  forbidden: Map<string, string>
  online: Signal
  engine: StorageEngine | null
  report: Report
  /** Slow answers to come, applied by the wire on the fake clock (the mock's own latency would race its real crypto). */
  latency: Array<{ route: Route; ms: number; left: number }>
  /** A tab's session moved to this user (signed in). */
  signedIn(user: string): void
  /** Errors thrown by our subscribers; each must be reported by the store (rule 16). */
  thrown: Set<unknown>
}

export interface Tab {
  slot: Slot
  store: AccountStore
  visibility: Signal
  /** The token the store should hold by the token contract (the latest news from source or setToken). */
  held: string | null
  lastRead: string | null | undefined
  /** Tokens this tab signed out (or was told were signed out): ignored when yielded again. */
  ignored: Set<string>
  /** Bumped whenever the session's identity changes, to catch actions of an earlier identity. */
  identityChanges: number
  destroyed: boolean
  /** refresh() and getPortalLink() calls not settled yet. */
  pending: Map<number, string>
  close(): void
}

const bearer = (input: RequestInfo | URL, init?: RequestInit): string | null => {
  const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined))
  const value = headers.get('authorization')
  return value?.startsWith('Bearer ') ? value.slice(7) : value
}

/** The mock's fetch, deaf to aborts (so a late answer of an earlier identity reaches the store), checking each request. */
function wire(tab: () => Tab, shared: Shared): typeof fetch {
  const inflight = new Map<string, number>()
  return async (input, init) => {
    const t = tab()
    const url = new URL(input instanceof Request ? input.url : String(input))
    const path = url.pathname
    const label = `tab ${t.slot} ${path}${url.searchParams.has('starting_after') ? ' (page 2+)' : ''}`
    if (t.destroyed) shared.report('request: after destroy()', label)
    if (!path.endsWith('/revoke')) checkToken(t, shared, bearer(input, init), label, url.searchParams.has('starting_after'))
    const session = t.store.$session.get()
    if (session.rateLimitedUntil !== null && Date.now() < session.rateLimitedUntil) shared.report('rule 5: request during a cool-down', label)
    const n = (inflight.get(path) ?? 0) + 1
    if (n > 1 && !path.endsWith('/revoke')) shared.report('rule 3: two requests in flight for one resource', label)
    inflight.set(path, n)
    let counted = true
    const release = () => { if (counted) { counted = false; inflight.set(path, inflight.get(path)! - 1) } }
    init?.signal?.addEventListener('abort', release, { once: true })
    try {
      const delay = takeLatency(shared, path)
      if (delay > 0) await sleep(delay)
      mock.busy++
      try {
        const response = await shared.world.api.fetch(input, { ...init, signal: undefined })
        // Read inside the count, so the body is no real work left once fake time moves on.
        const body = await response.text()
        return new Response(body === '' ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers })
      } finally { mock.busy-- }
    } finally { release() }
  }
}

const ROUTES: Record<Exclude<Route, '*'>, string> = { permissions: '/permissions', roles: '/roles', profile: '/user_profile' }

/** Latency faults stack, each for `left` more requests of its route. */
function takeLatency(shared: Shared, path: string): number {
  let total = 0
  for (const l of shared.latency) {
    if (l.left <= 0 || (l.route !== '*' && !path.endsWith(ROUTES[l.route]))) continue
    l.left--
    total += l.ms
  }
  return total
}

function checkToken(t: Tab, shared: Shared, token: string | null, label: string, page2: boolean): void {
  const info = token ? shared.world.info(token) : undefined
  if (!info) return shared.report('request: without a token of ours', label)
  if (info.exp * 1000 <= Date.now()) shared.report(`Tokens: expired token sent${page2 ? ' on page 2+' : ''}`, `${label} with ${info.who.key}/${info.variant}`)
  const out = shared.forbidden.get(token!)
  if (out) shared.report(`rule 14: signed-out token sent${t.ignored.has(token!) ? '' : ' (by a tab that never held it)'}`, `${label} with ${info.who.key}/${info.variant}, ${out}`)
  const session = t.store.$session.get()
  if (session.userId !== info.who.user || session.orgCode !== info.who.org) {
    shared.report('rule 2: request with the token of another identity than the session', `${label} with ${info.who.key}, session ${session.userId ?? 'signed out'} ${session.orgCode ?? ''}`)
  }
}

export function openTab(slot: Slot, shared: Shared): Tab {
  const visibility = manualSignal('visibility')
  const tab = { slot, visibility, held: null, lastRead: undefined, ignored: new Set(), identityChanges: 0, destroyed: false, pending: new Map() } as unknown as Tab
  const read = (): string | null | undefined => {
    const value = shared.source
    // The token contract: a source repeating its previous answer is no news; undefined keeps the token.
    if (value !== tab.lastRead && value !== undefined && !(value !== null && tab.ignored.has(value))) tab.held = value
    tab.lastRead = value
    return value
  }
  const { seq } = shared
  tab.store = openStore({
    token: read, fetch: wire(() => tab, shared), crossTab: seq.twoTabs, refreshInterval: 3000, pageSize: 10, timeout: 60_000,
    persist: shared.engine ? { engine: shared.engine } : false,
    retry: { attempts: 2, baseDelay: 200, maxDelay: 2000 },
  }, seq.seed + slot, visibility, shared.online)
  const derived = deriveAll(tab.store)
  const store = tab.store
  const atoms = [
    ...NAMES.map((n) => [`${n}.$state`, store[n].$state] as const),
    ['$session', store.$session] as const,
    ['flag.$value', derived.flag.$value] as const, ['property.$value', derived.property.$value] as const,
    ...IDENTITIES.flatMap((w, i) => [
      [`hasPermission(${w.key})`, derived.permission[i]!.$value], [`hasRole(${w.key})`, derived.role[i]!.$value],
      [`hasEntitlement(${w.key})`, derived.entitlement[i]!.$value], [`has(${w.key})`, derived.has[i]!.$value],
    ] as const),
  ]
  let identity = ''
  let subscribing = true
  const stops: Array<() => void> = []
  for (const [label, atom] of atoms as ReadonlyArray<readonly [string, { subscribe(fn: (v: unknown) => void): () => void }]>) {
    stops.push(atom.subscribe(() => {
      const report: Report = (category, detail) => shared.report(category, `tab ${slot}, at an emission of ${label}: ${detail}`)
      checkTab(store, derived, shared.world, Date.now(), report)
      const s = store.$session.get()
      const now = `${s.status}|${s.userId}|${s.orgCode}`
      if (now !== identity) {
        identity = now
        tab.identityChanges++
        if (s.userId) shared.signedIn(s.userId)
      }
    }))
  }
  if (seq.throwing) {
    for (const atom of [store.permissions.$state, derived.flag.$value, store.$session, derived.has[0]!.$value] as Array<{ subscribe(fn: () => void): () => void }>) {
      try {
        stops.push(atom.subscribe(() => {
          if (subscribing) return
          const error = new Error('a subscriber that throws')
          shared.thrown.add(error)
          throw error
        }))
      } catch { /* not thrown while subscribing */ }
    }
  }
  subscribing = false
  tab.close = () => {
    if (tab.destroyed) return
    for (const stop of stops) stop()
    store.destroy()
    tab.destroyed = true
  }
  return tab
}
