import type { ReadableAtom } from 'nanostores'
import type { AccountApiError } from '../client/errors'
import type {
  EntitlementData, EntitlementsData, FeatureFlagsData, PermissionsData, PortalSubnav, PropertiesData,
  ResourceDataMap, ResourceName, RolesData, TokenIntrospection, UserProfile,
} from '../models'
import type { ClaimsDrift } from './drift'
import type { StoreInspection } from './inspection-types'
import type { Stream } from './observable'
import type { Derived, HasParams, Resource, SessionState, Widen } from './state-types'

export type { Stream, StreamObserver, StreamSubscription } from './observable'
export type * from './options-types'
export type * from './state-types'

export type { TokenSessionManager, TokenSource, TokenSubscribable } from '../models'

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
