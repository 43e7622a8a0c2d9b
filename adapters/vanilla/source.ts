import type { ResourceState } from 'kinde-account-sync'

/** Anything with a nanostores/Svelte-style `subscribe` (calls back at once, returns unsubscribe). */
export interface Subscribable<T = unknown> {
  /** Calls `listener` with the current value at once, then with every change; returns the unsubscribe function. */
  subscribe(listener: (value: T) => void): () => void
}

/** What `watch`, `when` and `bind` accept: a `Resource` (its `$state`), a `Derived` (its `$value`) or an atom. */
export type Source<T = any> = { readonly $state: Subscribable<T> } | { readonly $value: Subscribable<T> } | Subscribable<T>

/** The value a source delivers: `ResourceState<T>` for a `Resource<T>`, `T` for a `Derived<T>` or an atom. */
export type SourceValue<S> = S extends { get(): infer T }
  ? T
  : S extends { readonly $state: Subscribable<infer T> } | { readonly $value: Subscribable<infer T> } | Subscribable<infer T>
    ? T
    : never

/** The atom behind a source. */
export const atomOf = <T>(source: Source<T>): Subscribable<T> =>
  '$state' in source ? source.$state : '$value' in source ? source.$value : source

/**
 * `when`'s default test. A resource state (`status` + `fetching`) is done once it is `ready`
 * (data, from the network, another tab or the cache) or `error` (no data, the fetch failed);
 * `idle` (signed out) and `loading` wait. Any other value is done once it is not `undefined`.
 */
export const isDone = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && 'status' in value && 'fetching' in value
    ? (value as ResourceState<unknown>).status === 'ready' || (value as ResourceState<unknown>).status === 'error'
    : value !== undefined
