// What must hold at every emission: the state table inside each resource state, and across the
// atoms of one tab that everything shows one identity (ARCHITECTURE.md, rule 12 and "State table").
import type { AccountStore, Derived, ResourceName, ResourceState, SessionState } from 'kinde-account-sync'
import { IDENTITIES, NAMES, type Who, type World } from './world'

/** Derived values whose answer tells identities apart (see world.ts). */
export function deriveAll(store: AccountStore) {
  const each = <T>(make: (w: Who) => Derived<T>) => IDENTITIES.map(make)
  return {
    flag: store.flag('who', 'none'),
    property: store.property('who', 'none'),
    permission: each((w) => store.hasPermission(`who:${w.key}`)),
    role: each((w) => store.hasRole(`who-${w.key}`)),
    entitlement: each((w) => store.hasEntitlement(`who-${w.key}`)),
    has: each((w) => store.has({ permissions: [`who:${w.key}`], roles: [`who-${w.key}`] })),
  }
}
export type DerivedSet = ReturnType<typeof deriveAll>

export type Report = (category: string, detail: string) => void

const identityOf = (s: SessionState): Who | undefined =>
  IDENTITIES.find((w) => w.user === s.userId && w.org === s.orgCode)

/** One resource state against the rows of the state table. */
export function checkState(name: string, s: ResourceState<unknown>, session: SessionState, now: number, report: Report): void {
  const has = s.data !== undefined
  const brief = () => `${name}: ${JSON.stringify({ ...s, data: has ? '…' : undefined, error: s.error?.kind })}`
  if (s.status === 'idle' && (has || s.error !== undefined || s.fetching || s.source !== undefined || s.updatedAt !== undefined || s.stale)) {
    report('table: idle with fields left', brief())
  }
  if (has !== (s.status === 'ready')) report('table: status does not match data', brief())
  if (has !== (s.source !== undefined)) report('table: source does not match data', brief())
  if (s.source === 'network' && typeof s.updatedAt !== 'number') report('table: network data without updatedAt', brief())
  if (s.status === 'error' && s.error === undefined) report('table: error status without error', brief())
  // Waiting offline or out a running cool-down starts no attempt, so only those may show it.
  const coolingDown = session.rateLimitedUntil !== null && now < session.rateLimitedUntil
  if (s.status === 'loading' && !s.fetching && session.online && !coolingDown) report('table: loading with fetching false', brief())
}

/**
 * The whole tab at one instant: `idle` iff signed out, resource data of the session's identity
 * only, and every derived value answering what that identity's data or claims say.
 */
export function checkTab(store: AccountStore, derived: DerivedSet, world: World, now: number, report: Report): void {
  const session = store.$session.get()
  const signedOut = session.status === 'signed-out'
  if (signedOut && (session.userId !== null || session.orgCode !== null)) report('session: signed out with an identity', JSON.stringify(session))
  const who = signedOut ? undefined : identityOf(session)
  if (!signedOut && !who) report('session: unknown identity', JSON.stringify(session))
  const states = {} as Record<ResourceName, ResourceState<unknown>>
  for (const name of NAMES) {
    const s = (states[name] = store[name].get() as ResourceState<unknown>)
    checkState(name, s, session, now, report)
    if (signedOut !== (s.status === 'idle')) {
      report(`rule 12: ${signedOut ? 'resource not idle while signed out' : 'resource idle while signed in'}`, `${name} ${s.status}, session ${session.status} ${who?.key ?? ''}`)
    }
    if (s.data !== undefined) {
      const owners = world.owners(name, s.data)
      if (!who || !owners.includes(who.key)) {
        report('rule 12: resource shows data of another identity', `${name} (${s.source}) holds data of ${owners.join(',') || 'nobody'}, session ${who?.key ?? 'signed out'}`)
      }
    }
  }
  const wrong = (what: string, got: unknown, want: unknown[]) => {
    if (!want.some((w) => w === got)) report('rule 12: derived value of another identity', `${what} = ${JSON.stringify(got)}, expected ${want.map((w) => JSON.stringify(w)).join(' or ')} for ${who?.key ?? 'signed out'}`)
  }
  const live = (s: ResourceState<unknown>) => s.data !== undefined && (s.source === 'network' || s.source === 'tab')
  // Signed in, the token's claims carry the `who` flag, permission and role: data first, then claims.
  const flagWant = !who ? ['none'] : live(states.featureFlags) ? [who.key] : [who.key, `${who.key}~claim`]
  wrong("flag('who')", derived.flag.get(), flagWant)
  wrong("property('who')", derived.property.get(), [who && states.properties.data !== undefined ? who.user : 'none'])
  IDENTITIES.forEach((w, i) => {
    const mine = w === who
    wrong(`hasPermission(who:${w.key})`, derived.permission[i]!.get(), [mine])
    wrong(`hasRole(who-${w.key})`, derived.role[i]!.get(), [mine])
    wrong(`has(who ${w.key})`, derived.has[i]!.get(), [mine])
    wrong(`hasEntitlement(who-${w.key})`, derived.entitlement[i]!.get(), [mine && states.entitlements.data !== undefined])
  })
}
