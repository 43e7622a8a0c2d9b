import type { ReadableAtom } from 'nanostores'
import type { AccountApiError } from '../client/errors'
import type { Stream } from './observable'

/** What a resource has to show: `idle` signed out · `loading` no data yet · `ready` data present · `error` no data and the last fetch failed. */
export type ResourceStatus = 'idle' | 'loading' | 'ready' | 'error'

/** A resource's state at one moment (ARCHITECTURE.md, "State table"); every change is a new object. */
export interface ResourceState<T> {
  /** idle: signed out; loading: no data yet; ready: data present; error: no data and the last fetch failed. */
  status: ResourceStatus
  /** The API's data, camelCase, every page merged; `undefined` while there is none. Keeps its reference when a refresh returns equal data. */
  data: T | undefined
  /** The last fetch's error; kept beside data when a refresh fails. */
  error: AccountApiError | undefined
  /** An attempt is running: a request in flight or a retry's wait. */
  fetching: boolean
  /** Where `data` came from: this tab's network, IndexedDB, or another tab. */
  source: 'network' | 'cache' | 'tab' | undefined
  /** Ms since epoch when `data` was fetched from the network. */
  updatedAt: number | undefined
  /** Older than `refreshInterval`, or from cache and not yet revalidated. */
  stale: boolean
}

/**
 * One synced resource: its state as a nanostores atom and as an interop observable, plus
 * `refresh()`. A resource left out of the store's `resources` option syncs while subscribed.
 */
export interface Resource<T> {
  /** `'profile'`, `'permissions'`, …, or `entitlement:<key>` for `store.entitlement(key)`. */
  readonly name: string
  /** nanostores atom: `get`/`subscribe`/`listen`; also a Svelte store. */
  readonly $state: ReadableAtom<ResourceState<T>>
  /** Interop observable (rxjs `from()`, Angular, TC39); replays the current state to each subscriber. */
  readonly state$: Stream<ResourceState<T>>
  /** The current state, read without subscribing (so it does not start an on-demand resource). */
  get(): ResourceState<T>
  /** Fetch now (still obeys the 429 cool-down). Never rejects. */
  refresh(): Promise<ResourceState<T>>
}

/**
 * A value derived from the account (a flag, a permission check, …), recomputed when its resources
 * or the token's claims change; it notifies only when the value changes. The same arguments
 * return the same object.
 */
export interface Derived<T> {
  /** nanostores atom of the value (also a Svelte store); while subscribed, the resources it reads keep syncing. */
  readonly $value: ReadableAtom<T>
  /** Interop observable of the value (rxjs `from()`, Angular, TC39); replays the current value to each subscriber. */
  readonly value$: Stream<T>
  /** The current value. Read while nothing subscribes, it mounts the value briefly, as any lazy nanostores store, which may start an on-demand resource. */
  get(): T
  /** Resolves once the first attempt cycle for the current identity has settled. */
  settled(): Promise<T>
}

/** `false` → boolean, `'a'` → string, `1` → number; anything else as given. */
export type Widen<T> = T extends boolean ? boolean : T extends string ? string : T extends number ? number : T

/** What `store.has(params)` checks: every item of every list must hold; a missing or empty list holds. */
export interface HasParams {
  /** Permission keys the user must hold. */
  permissions?: string[]
  /** Role keys the user must have. */
  roles?: string[]
  /** A key holds when the flag is on (a flag that is not a boolean: when it exists); `{ flag, value }` holds when the flag's value deep-equals `value`. */
  featureFlags?: Array<string | { flag: string; value: unknown }>
  /** A feature key or a price name. */
  billingEntitlements?: string[]
}

/** Who is signed in, and how this tab stands (`store.$session`, `store.session$`). */
export interface SessionState {
  /** `'signed-in'` while the store holds a token, else `'signed-out'`. */
  status: 'signed-out' | 'signed-in'
  /** The token's `sub` (`kp_…`); `null` when signed out or the token is not a JWT. */
  userId: string | null
  /** The token's org (`org_code`); `null` when signed out or the token names none. */
  orgCode: string | null
  /** The Kinde domain requests go to: the `domain` option, else the token's `iss`; `null` when signed out (or neither names one). */
  domain: string | null
  /** Whether the browser is online (its `online`/`offline` events, or the devtools' offline simulation). */
  online: boolean
  /** Whether this tab is the one that polls: `true` when alone (or `crossTab` is off), `false` in a follower tab. */
  leader: boolean
  /** End of the current 429 cool-down, ms since the epoch (shared by every tab); nothing is sent before it. `null` when none. */
  rateLimitedUntil: number | null
  /** true: this identity's entries are kept on a durable engine that has answered (IndexedDB); false: nothing of this identity is written to disk, or not yet known to be. */
  persisted: boolean
}
