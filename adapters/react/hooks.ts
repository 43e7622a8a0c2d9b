import { useCallback, useMemo, useSyncExternalStore } from 'react'
import type { ReadableAtom } from 'nanostores'
import type { AccountStore, ResourceDataMap, ResourceName, ResourceState, SessionState, Widen } from 'kinde-account-sync'
import { useAccountStore } from './context'

/**
 * The atom's current value; re-renders when it changes. `useSyncExternalStore` keeps every
 * component of one render on the same value (no tearing under concurrent rendering), and the
 * server render reads the value without subscribing, so nothing is left behind.
 *
 * @example useAtomValue(store.has({ roles: ['admin'], permissions: ['edit'] }).$value)
 * @example useAtomValue(store.entitlement('seats').$state)
 */
export function useAtomValue<T>(atom: ReadableAtom<T>): T {
  // `listen` and `get` are stable per atom: React re-subscribes only when the atom changes.
  return useSyncExternalStore(atom.listen, atom.get, atom.get)
}

/** What `useResource` returns: the resource's whole state, plus `refresh`. */
export type UseResourceResult<T> = ResourceState<T> & {
  /** Fetch the resource now; never rejects. */
  refresh(): Promise<ResourceState<T>>
}

/** A synced resource (`'profile'`, `'permissions'`, …): its state (`data`, `status`, `fetching`, …) and `refresh`. */
export function useResource<N extends ResourceName>(name: N, store?: AccountStore): UseResourceResult<ResourceDataMap[N]> {
  const resource = useAccountStore(store).resource(name)
  const state = useAtomValue(resource.$state)
  // `refresh` keeps its identity across state changes, so it can sit in an effect's dependencies.
  const refresh = useCallback(() => resource.refresh(), [resource])
  return useMemo(() => ({ ...state, refresh }), [state, refresh])
}

/** A feature flag's value, typed by the fallback: `useFlag('beta', false)` → `boolean`. */
export function useFlag<F extends string | boolean | number | Record<string, unknown>>(
  key: string,
  fallback: F,
  store?: AccountStore,
): Widen<F> {
  return useAtomValue(useAccountStore(store).flag(key, fallback).$value)
}

/** A user property's value, typed by the fallback. */
export function useProperty<F extends string | boolean | number | null>(key: string, fallback: F, store?: AccountStore): Widen<F> {
  return useAtomValue(useAccountStore(store).property(key, fallback).$value)
}

/** Whether the user holds the permission (in the current org). */
export function usePermission(key: string, store?: AccountStore): boolean {
  return useAtomValue(useAccountStore(store).hasPermission(key).$value)
}

/** Whether the user has the role (in the current org). */
export function useRole(key: string, store?: AccountStore): boolean {
  return useAtomValue(useAccountStore(store).hasRole(key).$value)
}

/** Whether the org's plan includes the feature (`store.hasEntitlement`). */
export function useEntitlement(featureKey: string, store?: AccountStore): boolean {
  return useAtomValue(useAccountStore(store).hasEntitlement(featureKey).$value)
}

/** The session: signed in or out, user, org, online, leader tab, rate-limit cool-down. */
export function useSession(store?: AccountStore): SessionState {
  return useAtomValue(useAccountStore(store).$session)
}
