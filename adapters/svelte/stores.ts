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

/** A feature flag's value, typed by the fallback: `flag('beta', false)` → `Readable<boolean>`. */
export function flag<F extends string | boolean | number | Record<string, unknown>>(key: string, fallback: F): Readable<Widen<F>>
export function flag<F extends string | boolean | number | Record<string, unknown>>(
  store: AccountStore, key: string, fallback: F): Readable<Widen<F>>
export function flag(...args: unknown[]): Readable<unknown> {
  const [store, key, fallback] = withStore(args)
  return store.flag(key, fallback).$value
}

/** A user property's value, typed by the fallback. */
export function property<F extends string | boolean | number | null>(key: string, fallback: F): Readable<Widen<F>>
export function property<F extends string | boolean | number | null>(
  store: AccountStore, key: string, fallback: F): Readable<Widen<F>>
export function property(...args: unknown[]): Readable<unknown> {
  const [store, key, fallback] = withStore(args)
  return store.property(key, fallback).$value
}

/** Whether the user holds the permission. */
export function permission(key: string): Readable<boolean>
export function permission(store: AccountStore, key: string): Readable<boolean>
export function permission(...args: unknown[]): Readable<boolean> {
  const [store, key] = withStore(args)
  return store.hasPermission(key).$value
}

/** Whether the user has the role. */
export function role(key: string): Readable<boolean>
export function role(store: AccountStore, key: string): Readable<boolean>
export function role(...args: unknown[]): Readable<boolean> {
  const [store, key] = withStore(args)
  return store.hasRole(key).$value
}

/** Whether the org's plan includes the feature (`store.hasEntitlement`). */
export function entitlement(featureKey: string): Readable<boolean>
export function entitlement(store: AccountStore, featureKey: string): Readable<boolean>
export function entitlement(...args: unknown[]): Readable<boolean> {
  const [store, key] = withStore(args)
  return store.hasEntitlement(key).$value
}

/** The session: signed in or out, user, org, online, leader tab, rate-limit cool-down. */
export function session(store?: AccountStore): Readable<SessionState> {
  return (store ?? getAccountStore()).$session
}
