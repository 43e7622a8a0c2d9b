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

export interface RetryOptions {
  /** Retries after the first failure (network, 5xx, timeout). @default 3 */
  attempts?: number
  /** First retry delay, ms; doubles each time, with full jitter. @default 1000 */
  baseDelay?: number
  /** Cap on any retry delay, ms. @default 60_000 */
  maxDelay?: number
}

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

export type ResourceStatus = 'idle' | 'loading' | 'ready' | 'error'

export interface ResourceState<T> {
  /** idle: signed out; loading: no data yet; ready: data present; error: no data and the last fetch failed. */
  status: ResourceStatus
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

export interface Resource<T> {
  readonly name: string
  /** nanostores atom: `get`/`subscribe`/`listen`; also a Svelte store. */
  readonly $state: ReadableAtom<ResourceState<T>>
  /** Interop observable (rxjs `from()`, Angular, TC39); replays the current state to each subscriber. */
  readonly state$: Stream<ResourceState<T>>
  get(): ResourceState<T>
  /** Fetch now (still obeys the 429 cool-down). Never rejects. */
  refresh(): Promise<ResourceState<T>>
}

export interface Derived<T> {
  readonly $value: ReadableAtom<T>
  readonly value$: Stream<T>
  get(): T
  /** Resolves once the first attempt cycle for the current identity has settled. */
  settled(): Promise<T>
}

/** `false` → boolean, `'a'` → string, `1` → number; anything else as given. */
export type Widen<T> = T extends boolean ? boolean : T extends string ? string : T extends number ? number : T

export interface HasParams {
  permissions?: string[]
  roles?: string[]
  /** A key holds when the flag is on; `{ flag, value }` compares the value. */
  featureFlags?: Array<string | { flag: string; value: unknown }>
  /** A feature key or a price name. */
  billingEntitlements?: string[]
}

export interface SessionState {
  status: 'signed-out' | 'signed-in'
  userId: string | null
  orgCode: string | null
  domain: string | null
  online: boolean
  leader: boolean
  rateLimitedUntil: number | null
  /** false: nothing of this identity is written to disk. */
  persisted: boolean
}

export interface SignOutOptions {
  /** Your Kinde application's client id; needed to revoke the token. */
  clientId?: string
  /** Revoke the token (best effort). @default true */
  revoke?: boolean
}

export interface AccountStore {
  readonly profile: Resource<UserProfile>
  readonly permissions: Resource<PermissionsData>
  readonly roles: Resource<RolesData>
  readonly featureFlags: Resource<FeatureFlagsData>
  readonly properties: Resource<PropertiesData>
  readonly entitlements: Resource<EntitlementsData>
  /** One resource per key (`GET /entitlement/{key}`); synced while subscribed. */
  entitlement(key: string): Resource<EntitlementData>
  /** A synced resource by name. */
  resource<N extends ResourceName>(name: N): Resource<ResourceDataMap[N]>

  flag<F extends string | boolean | number | Record<string, unknown>>(key: string, fallback: F): Derived<Widen<F>>
  hasPermission(key: string): Derived<boolean>
  hasRole(key: string): Derived<boolean>
  hasEntitlement(featureKey: string): Derived<boolean>
  property<F extends string | boolean | number | null>(key: string, fallback: F): Derived<Widen<F>>
  has(params: HasParams): Derived<boolean>

  readonly $session: ReadableAtom<SessionState>
  readonly session$: Stream<SessionState>
  /** Where the token's claims disagree with the API's answer; null until the API answered for this identity. */
  readonly $drift: ReadableAtom<ClaimsDrift | null>
  readonly drift$: Stream<ClaimsDrift | null>

  setToken(token: string | null): void
  refresh(): Promise<void>
  getPortalLink(opts?: { subnav?: PortalSubnav; returnUrl?: string }): Promise<string>
  introspect(): Promise<TokenIntrospection>
  signOut(opts?: SignOutOptions): Promise<void>
  clearCache(): Promise<void>
  /** What devtools show: derived answers and their sources, disk entries (sizes only), offline simulation. */
  inspect(): StoreInspection
  destroy(): void
}

export type { StoreInspection } from './inspection-types'
