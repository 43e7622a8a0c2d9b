import type { Readable } from 'svelte/store'
import type {
  AccountStore, Resource, ResourceDataMap, ResourceName, ResourceState, SessionState, Widen,
} from 'kinde-account-sync'
import { getAccountStore, withStore } from './context'

// Every `$state`/`$value` is a nanostores atom, which already is a Svelte store (its `subscribe`
// calls back at once and returns the unsubscribe function): these functions only pick the atom.

/** A resource's state as a Svelte store, plus `refresh()`. */
export interface ResourceReadable<T> extends Readable<ResourceState<T>> {
  /** Fetch now; never rejects. */
  refresh(): Promise<ResourceState<T>>
}


/** A synced resource (`'profile'`, `'roles'`, …): `$profile.data`, `$profile.status`, … */
export function resource<N extends ResourceName>(name: N): ResourceReadable<ResourceDataMap[N]>
export function resource<N extends ResourceName>(store: AccountStore, name: N): ResourceReadable<ResourceDataMap[N]>
export function resource(...args: unknown[]): ResourceReadable<unknown> {
  const [store, name] = withStore(args)
  const r: Resource<unknown> = store.resource(name)
  return { subscribe: (run) => r.$state.subscribe(run), refresh: () => r.refresh() }
}

/** A key. @inline */
type Key = string
/** What a flag's fallback may be. @inline */
type FlagFallback = string | boolean | number | Record<string, unknown>
/** What a property's fallback may be. @inline */
type PropertyFallback = string | boolean | number | null

/** One readable per derived value: `(key, fallback?)` or `(store, key, fallback?)`. */
const keyed = (method: 'flag' | 'property' | 'hasPermission' | 'hasRole' | 'hasEntitlement') => (...args: unknown[]) => {
  const [store, key, fallback] = withStore(args)
  return (store[method] as (key: string, fallback?: unknown) => { $value: Readable<unknown> })(key, fallback).$value
}

/** A feature flag's value, typed by the fallback: `flag('beta', false)` → `Readable<boolean>`. */
export const flag = keyed('flag') as {
  <F extends FlagFallback>(key: Key, fallback: F): Readable<Widen<F>>
  <F extends FlagFallback>(store: AccountStore, key: Key, fallback: F): Readable<Widen<F>>
}

/** A user property's value, typed by the fallback. */
export const property = keyed('property') as {
  <F extends PropertyFallback>(key: Key, fallback: F): Readable<Widen<F>>
  <F extends PropertyFallback>(store: AccountStore, key: Key, fallback: F): Readable<Widen<F>>
}

/** `(key)` or `(store, key)`. @inline */
type BooleanReadable = { (key: Key): Readable<boolean>; (store: AccountStore, key: Key): Readable<boolean> }

/** Whether the user holds the permission. */
export const permission = keyed('hasPermission') as BooleanReadable

/** Whether the user has the role. */
export const role = keyed('hasRole') as BooleanReadable

/** Whether the org's plan includes the feature (`store.hasEntitlement`). */
export const entitlement = keyed('hasEntitlement') as BooleanReadable

/** The session: signed in or out, user, org, online, leader tab, rate-limit cool-down. */
export function session(store?: AccountStore): Readable<SessionState> {
  return (store ?? getAccountStore()).$session
}
