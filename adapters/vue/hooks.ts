import { computed, toValue, type MaybeRefOrGetter, type Ref } from 'vue'
import type { AccountStore, Resource, ResourceDataMap, ResourceName, ResourceState, SessionState, Widen } from 'kinde-account-sync'
import { useAccountStore } from './context'
import { useAtom } from './use-atom'

/** The data of resource `N` (`ResourceDataMap[N]`). */
type Data<N extends ResourceName> = ResourceDataMap[N]

/** What `useResource` returns: each field of the resource's state as a read-only ref. */
export interface UseResourceReturn<T> {
  /** The resource's data; `undefined` while there is none. */
  data: Readonly<Ref<T | undefined>>
  /** The last fetch's error, kept beside data when a refresh fails; `undefined` when none. */
  error: Readonly<Ref<ResourceState<T>['error']>>
  /** `idle` signed out · `loading` no data yet · `ready` data present · `error` no data and the last fetch failed. */
  status: Readonly<Ref<ResourceState<T>['status']>>
  /** A request is in flight, or a retry is waiting. */
  fetching: Readonly<Ref<boolean>>
  /** Older than `refreshInterval`, or from the cache and not yet revalidated. */
  stale: Readonly<Ref<boolean>>
  /** Where `data` came from: `network` (this tab), `cache` (IndexedDB) or `tab` (another tab); `undefined` without data. */
  source: Readonly<Ref<ResourceState<T>['source']>>
  /** When `data` was fetched from the network, ms since the epoch. */
  updatedAt: Readonly<Ref<number | undefined>>
  /** Fetch the (current) resource now; never rejects. */
  refresh(): Promise<ResourceState<T>>
}

/** A synced resource (`'profile'`, `'permissions'`, …) as read-only refs, plus `refresh`; `data` is `ResourceDataMap[N]`. */
export function useResource<N extends ResourceName>(
  name: MaybeRefOrGetter<N>,
  store?: AccountStore,
): UseResourceReturn<Data<N>> {
  const s = useAccountStore(store)
  const resource = (): Resource<Data<N>> => s.resource(toValue(name))
  const state = useAtom(() => resource().$state)
  // computed: a template that reads only `status` re-renders only when `status` changes.
  const field = <K extends keyof ResourceState<Data<N>>>(key: K) => computed(() => state.value[key])
  return {
    data: field('data'),
    error: field('error'),
    status: field('status'),
    fetching: field('fetching'),
    stale: field('stale'),
    source: field('source'),
    updatedAt: field('updatedAt'),
    refresh: () => resource().refresh(),
  }
}

/** A feature flag's value; the fallback's type decides the ref's (`useFlag('beta', false)` → `Ref<boolean>`). */
export function useFlag<F extends string | boolean | number | Record<string, unknown>>(
  key: MaybeRefOrGetter<string>,
  fallback: F,
  store?: AccountStore,
): Readonly<Ref<Widen<F>>> {
  const s = useAccountStore(store)
  return useAtom(() => s.flag(toValue(key), fallback).$value)
}

/** A user property's value, typed by the fallback. */
export function useProperty<F extends string | boolean | number | null>(
  key: MaybeRefOrGetter<string>,
  fallback: F,
  store?: AccountStore,
): Readonly<Ref<Widen<F>>> {
  const s = useAccountStore(store)
  return useAtom(() => s.property(toValue(key), fallback).$value)
}

/** Whether the user holds the permission (in the current org). */
export function usePermission(key: MaybeRefOrGetter<string>, store?: AccountStore): Readonly<Ref<boolean>> {
  const s = useAccountStore(store)
  return useAtom(() => s.hasPermission(toValue(key)).$value)
}

/** Whether the user has the role (in the current org). */
export function useRole(key: MaybeRefOrGetter<string>, store?: AccountStore): Readonly<Ref<boolean>> {
  const s = useAccountStore(store)
  return useAtom(() => s.hasRole(toValue(key)).$value)
}

/** Whether the org's plan includes the feature (`store.hasEntitlement`). */
export function useEntitlement(featureKey: MaybeRefOrGetter<string>, store?: AccountStore): Readonly<Ref<boolean>> {
  const s = useAccountStore(store)
  return useAtom(() => s.hasEntitlement(toValue(featureKey)).$value)
}

/** The session: signed in or out, user, org, online, leader tab, rate-limit cool-down. */
export function useSession(store?: AccountStore): Readonly<Ref<SessionState>> {
  const s = useAccountStore(store)
  return useAtom(() => s.$session)
}
