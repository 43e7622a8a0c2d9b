import type { ReadableAtom } from 'nanostores'
import type { AccountApiError } from '../client/errors'
import type {
  EntitlementData, EntitlementsData, FeatureFlagsData, PermissionsData, PortalSubnav, PropertiesData,
  ResourceDataMap, ResourceName, RolesData, TokenIntrospection, TokenSource, UserProfile,
} from '../models'
import type { PersistOptions } from '../persist/types'
import type { ClaimsDrift } from './drift'
import type { StoreInspection } from './inspection-types'
import type { Stream } from './observable'

export type { Stream, StreamObserver, StreamSubscription } from './observable'

export type { TokenSessionManager, TokenSource, TokenSubscribable } from '../models'

/** The store's `retry` option: how failed requests (network, 5xx, timeout) are retried, with capped exponential backoff and full jitter. */
export interface RetryOptions {
  /** Retries after the first failure (network, 5xx, timeout). @default 3 */
  attempts?: number
  /** First retry delay, ms; doubles each time, with full jitter. @default 1000 */
  baseDelay?: number
  /** Cap on any retry delay, ms. @default 60_000 */
  maxDelay?: number
}

/** Options of {@link createAccountStore}; each names its default (README, "The store: `createAccountStore(options)`"). */
export interface AccountStoreOptions {
  /**
   * The access token source: string, null, function (re-read on every trigger; `undefined` keeps
   * the last token, `null` signs out), Observable, store, or a Kinde session manager.
   */
  token: TokenSource
  /** Base URL of the Kinde domain. @default the token's `iss` */
  domain?: string
  /** The resources kept in sync eagerly while signed in. @default all six */
  resources?: ResourceName[]
  /** Poll interval in ms; `false` polls only on token change, focus, reconnect and `refresh()`. @default 300_000 */
  refreshInterval?: number | false
  /** Refetch data older than 30 s when the page becomes visible. @default true */
  refetchOnFocus?: boolean
  /** Refetch data older than 30 s when the browser comes back online. @default true */
  refetchOnReconnect?: boolean
  /** Called once per unauthorized episode (e.g. to refresh the Kinde session); the token source is then re-read. */
  onUnauthorized?: () => void | Promise<void>
  /** Retries for network, 5xx and timeout errors. */
  retry?: RetryOptions
  /** Persist to IndexedDB. @default true where IndexedDB exists */
  persist?: boolean | PersistOptions
  /** Share one poller across tabs. @default true where BroadcastChannel exists */
  crossTab?: boolean
  /** `page_size` for list endpoints. @default 100 */
  pageSize?: number
  /** @default globalThis.fetch */
  fetch?: typeof globalThis.fetch
  /** Milliseconds per request. @default 10_000 */
  timeout?: number
  /** Called once per claims-drift episode (the token's claims disagree with the API); the token source is read again after it. */
  onDrift?: (drift: ClaimsDrift) => void | Promise<void>
}

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
  /** false: nothing of this identity is written to disk. */
  persisted: boolean
}

/** Options of `store.signOut()`. */
export interface SignOutOptions {
  /** Your Kinde application's client id; needed to revoke the token. */
  clientId?: string
  /** Revoke the token (best effort). @default true */
  revoke?: boolean
}

/**
 * A live, offline-first store of the signed-in user's Kinde account; {@link createAccountStore}
 * makes one. Resources and derived values answer at once and keep themselves up to date; no
 * promise of the store rejects unhandled (README, "What the store promises").
 */
export interface AccountStore {
  /** The user's profile (`GET /oauth2/v2/user_profile`). */
  readonly profile: Resource<UserProfile>
  /** The user's permissions in the current org. */
  readonly permissions: Resource<PermissionsData>
  /** The user's roles in the current org. */
  readonly roles: Resource<RolesData>
  /** Every feature flag and its value for the user. */
  readonly featureFlags: Resource<FeatureFlagsData>
  /** The user's properties. */
  readonly properties: Resource<PropertiesData>
  /** The org's plans and what they entitle to. */
  readonly entitlements: Resource<EntitlementsData>
  /** One resource per key (`GET /entitlement/{key}`); synced while subscribed. */
  entitlement(key: string): Resource<EntitlementData>
  /** A synced resource by name. */
  resource<N extends ResourceName>(name: N): Resource<ResourceDataMap[N]>

  /**
   * A feature flag's value: from this session's API data, then the token's claims, then cached data,
   * then `fallback`. A value of another type than `fallback` answers `fallback`, and the type widens
   * from it (`false` → `boolean`).
   * @example
   * ```ts
   * const beta = store.flag('beta', false) // Derived<boolean>
   * beta.$value.subscribe((on) => toggleBeta(on))
   * ```
   */
  flag<F extends string | boolean | number | Record<string, unknown>>(key: string, fallback: F): Derived<Widen<F>>
  /** Whether the user holds the permission `key` in the current org: API data, then the token's claims, then cached data; `false` until known. */
  hasPermission(key: string): Derived<boolean>
  /** Whether the user has the role `key` in the current org: API data, then the token's claims, then cached data; `false` until known. */
  hasRole(key: string): Derived<boolean>
  /** Whether the org's entitlements include the feature `featureKey`: API data, then cached data (a token carries no entitlements); `false` until known. */
  hasEntitlement(featureKey: string): Derived<boolean>
  /** A user property's value: API data, then cached data, then `fallback`; typed and checked by `fallback` as `flag` is. */
  property<F extends string | boolean | number | null>(key: string, fallback: F): Derived<Widen<F>>
  /**
   * Whether every permission, role, flag and entitlement in `params` holds, as one value.
   * @example
   * ```ts
   * const canEdit = store.has({ roles: ['admin'], permissions: ['edit:posts'] })
   * ```
   */
  has(params: HasParams): Derived<boolean>

  /** nanostores atom of the session (also a Svelte store). */
  readonly $session: ReadableAtom<SessionState>
  /** Interop observable of the session; replays the current value to each subscriber. */
  readonly session$: Stream<SessionState>
  /** Where the token's claims disagree with the API's answer; null until the API answered for this identity. */
  readonly $drift: ReadableAtom<ClaimsDrift | null>
  /** Interop observable of `$drift`; replays the current value to each subscriber. */
  readonly drift$: Stream<ClaimsDrift | null>

  /** Feeds a token into the same stream as the `token` option (the latest value wins); `null` signs out. Ignored after `destroy()`. */
  setToken(token: string | null): void
  /** Reads the token source again (a function or a session manager), then refetches every resource that syncs now. Never rejects. */
  refresh(): Promise<void>
  /**
   * A one-time link to Kinde's self-serve portal, on the page `subnav` names, returning the user to
   * `returnUrl`. Never cached, persisted or posted to other tabs. Rejects with an
   * {@link AccountApiError} (`unauthorized` when signed out, `aborted` when the identity changes meanwhile).
   */
  getPortalLink(opts?: { subnav?: PortalSubnav; returnUrl?: string }): Promise<string>
  /** What Kinde says about the current token (`POST /oauth2/introspect`). Rejects as `getPortalLink` does. */
  introspect(): Promise<TokenIntrospection>
  /**
   * Signs out at once: resets every resource, tells this user's other tabs, deletes this user's cached
   * entries in every org (and no one else's), and revokes the token (best effort) when you pass
   * `clientId`. The signed-out token is ignored if the source yields it again.
   */
  signOut(opts?: SignOutOptions): Promise<void>
  /** Deletes every entry the library wrote to storage, every user's (and nothing else in the database). */
  clearCache(): Promise<void>
  /** What devtools show: derived answers and their sources, disk entries (sizes only), offline simulation. */
  inspect(): StoreInspection
  /** Stops the store: no timer fires and no request is sent afterwards; queued writes are flushed. Idempotent. */
  destroy(): void
}

export type { StoreInspection } from './inspection-types'
