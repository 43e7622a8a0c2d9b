// One tab: a store on the shared token source, a fetch that checks every request as it leaves,
// and subscribers that check the whole tab at every emission (some of them throwing, if asked).
import type { AccountStore, StorageEngine } from 'kinde-account-sync'
import { checkTab, deriveAll, type Report } from './checks'
import { openStore, type Signal, manualSignal } from './seam'
import type { Route, Sequence, Slot } from './steps'
import { wire } from './wire'
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
  /**
   * Tokens signed out in a tab of the same identity while this tab was open: the sign-out reached
   * it. Rule 14 speaks of those tabs; a page opened later, or a tab of another identity then, is
   * not told (the channel is per identity, and no token or denylist is kept on disk).
   */
  toldOf: Set<string>
  /** Bumped whenever the session's identity changes, to catch actions of an earlier identity. */
  identityChanges: number
  destroyed: boolean
  /** refresh() and getPortalLink() calls not settled yet. */
  pending: Map<number, string>
  close(): void
}

export function openTab(slot: Slot, shared: Shared): Tab {
  const visibility = manualSignal('visibility')
  const tab = { slot, visibility, held: null, lastRead: undefined, ignored: new Set(), toldOf: new Set(), identityChanges: 0, destroyed: false, pending: new Map() } as unknown as Tab
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
