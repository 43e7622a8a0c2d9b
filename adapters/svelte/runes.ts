// Svelte 5 readers: `{ current }` objects for runes-mode components and `.svelte.ts` modules, so
// an app needs no `$store` syntax. A key may be a getter (`() => key`): read inside an effect or
// the template, it follows the `$state` or props it reads, and the reader moves to the new key's atom.
import * as svelteStore from 'svelte/store'
import type { ReadableAtom } from 'nanostores'
import type { AccountStore, ResourceDataMap, ResourceName, ResourceState, SessionState, Widen } from 'kinde-account-sync'
import { getAccountStore, withStore } from './context'

/** A value, or a getter read each time (so that it can follow `$state` and props). */
export type MaybeGetter<T> = T | (() => T)

/** A read-only reactive value: read `.current` in the template, `$derived` or `$effect`. */
export interface Current<T> {
  /** The value now. Read inside an effect or the template, it subscribes, and lets go once nothing reads it. */
  readonly current: T
}

/** What `useResource` returns: the resource's state as `.current`, plus `refresh()`. */
export interface ResourceCurrent<T> extends Current<ResourceState<T>> {
  /** Fetch the (current) resource now; never rejects. */
  refresh(): Promise<ResourceState<T>>
}

const read = <T>(value: MaybeGetter<T>): T => (typeof value === 'function' ? (value as () => T)() : value)

// One Svelte reader per atom, shared by every `{ current }` that picks it. Svelte's `fromStore`
// (built on `createSubscriber`) subscribes while an effect reads `.current` and lets go a
// microtask after the last one stops; outside effects it reads the atom once. Reached through a
// namespace import, so that a Svelte 4 app (whose `svelte/store` has no `fromStore`) still bundles
// the Readables of this entry.
const readers = new WeakMap<object, Current<unknown>>()

/**
 * `{ current }` over the atom `pick` names (an atom, or a getter that returns one): the building
 * block of every reader here, for what has none of its own.
 * @example useAtom(() => store.has({ roles: ['admin'], permissions: ['edit'] }).$value)
 * @example useAtom(() => store.entitlement(feature).$state)
 */
export function useAtom<T>(pick: MaybeGetter<ReadableAtom<T>>): Current<T> {
  return {
    get current() {
      const atom = read(pick)
      let reader = readers.get(atom)
      if (!reader) {
        if (!svelteStore.fromStore) throw new Error('[kinde-account-sync] use… readers need Svelte 5; use the Readables')
        readers.set(atom, (reader = svelteStore.fromStore(atom)))
      }
      return reader.current as T
    },
  }
}

/** A synced resource as `.current` (`data`, `status`, `fetching`, …), plus `refresh()`. */
export function useResource<N extends ResourceName>(name: MaybeGetter<N>): ResourceCurrent<ResourceDataMap[N]>
export function useResource<N extends ResourceName>(store: AccountStore, name: MaybeGetter<N>): ResourceCurrent<ResourceDataMap[N]>
export function useResource(...args: unknown[]): ResourceCurrent<unknown> {
  const [store, name] = withStore(args)
  const resource = () => store.resource(read(name))
  return Object.assign(useAtom(() => resource().$state), { refresh: () => resource().refresh() })
}

/** A key, or a getter of one. @inline */
type Key = MaybeGetter<string>
/** What a flag's fallback may be. @inline */
type FlagFallback = string | boolean | number | Record<string, unknown>
/** What a property's fallback may be. @inline */
type PropertyFallback = string | boolean | number | null

/** One reader per derived value: `(key, fallback?)` or `(store, key, fallback?)`. */
const keyed = (method: 'flag' | 'property' | 'hasPermission' | 'hasRole' | 'hasEntitlement') => (...args: unknown[]) => {
  const [store, key, fallback] = withStore(args)
  return useAtom(() => (store[method] as (key: string, fallback?: unknown) => { $value: ReadableAtom<unknown> })(read(key), fallback).$value)
}

/** A feature flag's value as `.current`, typed by the fallback: `useFlag('beta', false).current` is a boolean. */
export const useFlag = keyed('flag') as {
  <F extends FlagFallback>(key: Key, fallback: F): Current<Widen<F>>
  <F extends FlagFallback>(store: AccountStore, key: Key, fallback: F): Current<Widen<F>>
}

/** A user property's value as `.current`, typed by the fallback. */
export const useProperty = keyed('property') as {
  <F extends PropertyFallback>(key: Key, fallback: F): Current<Widen<F>>
  <F extends PropertyFallback>(store: AccountStore, key: Key, fallback: F): Current<Widen<F>>
}

/** `(key)` or `(store, key)`. @inline */
type BooleanReader = { (key: Key): Current<boolean>; (store: AccountStore, key: Key): Current<boolean> }

/** Whether the user holds the permission, as `.current`. */
export const usePermission = keyed('hasPermission') as BooleanReader

/** Whether the user has the role, as `.current`. */
export const useRole = keyed('hasRole') as BooleanReader

/** Whether the org's plan includes the feature (`store.hasEntitlement`), as `.current`. */
export const useEntitlement = keyed('hasEntitlement') as BooleanReader

/** The session as `.current`: signed in or out, user, org, online, leader tab, rate-limit cool-down. */
export function useSession(store?: AccountStore): Current<SessionState> {
  return useAtom((store ?? getAccountStore()).$session)
}
