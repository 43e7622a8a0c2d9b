import type {
  EntitlementData, EntitlementsData, FeatureFlagsData, ListResourceName, PermissionsData, PortalSubnav,
  PropertiesData, RolesData, TokenIntrospection, UserProfile,
} from '../models'
import type { TokenGetter } from '../models'

export type { TokenGetter } from '../models'

/** Options of {@link createAccountClient}. */
export interface AccountClientOptions {
  /** The access token, or a function read before every request. */
  token: string | TokenGetter
  /** Base URL of the Kinde domain. https only, except localhost/127.0.0.1/[::1]. @default the token's `iss` */
  domain?: string
  /** @default globalThis.fetch */
  fetch?: typeof globalThis.fetch
  /** Milliseconds per request. @default 10_000 */
  timeout?: number
  /** `page_size` sent on list endpoints. @default 100 */
  pageSize?: number
}

/**
 * What every client call takes.
 * @property signal - Aborts the request; the call then rejects with `kind: 'aborted'`.
 */
export interface RequestOptions { signal?: AbortSignal }

/**
 * Options of `client.getPage()`.
 * @property pageSize - `page_size` of this request; the client's `pageSize` option (100 by default) when omitted.
 * @property startingAfter - The cursor: the previous page's `nextPageStartingAfter`; omitted or `null` for the first page.
 */
export interface PageOptions extends RequestOptions { pageSize?: number; startingAfter?: string | null }

/** The `data` of one page of a list resource, mapped. */
export interface PageDataMap {
  /** A page of permissions. */
  permissions: PermissionsData
  /** A page of roles. */
  roles: RolesData
  /** A page of feature flags. */
  featureFlags: FeatureFlagsData
  /** A page of properties. */
  properties: PropertiesData
  /** A page of entitlements (and the plans). */
  entitlements: EntitlementsData
}

/**
 * One page of a list resource (`client.getPage()`).
 * @property data - The page's items, mapped as the full read maps them.
 * @property hasMore - Whether another page follows (a response without `metadata` is the last page).
 * @property nextPageStartingAfter - The cursor of the next page, to pass as `startingAfter`; always set when
 * `hasMore` is true, else as the API sent it (usually `null`).
 */
export interface Page<T> { data: T; hasMore: boolean; nextPageStartingAfter: string | null }

/**
 * Options of `client.getPortalLink()`.
 * @property subnav - The portal page the user lands on; Kinde's default page when omitted.
 * @property returnUrl - Where the portal sends the user when they are done.
 */
export interface PortalLinkOptions extends RequestOptions { subnav?: PortalSubnav; returnUrl?: string }
/**
 * Options of `client.introspect()`.
 * @property token - The token to introspect; the client's current token when omitted.
 * @property tokenTypeHint - Sent as `token_type_hint`, when given.
 */
export interface IntrospectOptions extends RequestOptions { token?: string; tokenTypeHint?: 'access_token' | 'refresh_token' }
/** Options of `client.revoke()`. */
export interface RevokeOptions extends RequestOptions {
  /** Your Kinde application's client id (`client_id`). */
  clientId: string
  /** The token to revoke; the client's current token when omitted. */
  token?: string
  /** The application's client secret, for a back-end application only: never ship it to a browser. */
  clientSecret?: string
  /** Sent as `token_type_hint`, when given. */
  tokenTypeHint?: 'access_token' | 'refresh_token'
}

/**
 * The typed Account API client {@link createAccountClient} returns. Every method resolves with
 * camelCase models or rejects with an {@link AccountApiError}; nothing is retried or cached.
 */
export interface AccountClient {
  /** The user's profile (`GET /oauth2/v2/user_profile`). */
  getUserProfile(opts?: RequestOptions): Promise<UserProfile>
  /** The user's permissions, every page merged (`GET /account_api/v1/permissions`). */
  getPermissions(opts?: RequestOptions): Promise<PermissionsData>
  /** The user's roles, every page merged (`GET /account_api/v1/roles`). */
  getRoles(opts?: RequestOptions): Promise<RolesData>
  /** Every feature flag and its value, every page merged (`GET /account_api/v1/feature_flags`). */
  getFeatureFlags(opts?: RequestOptions): Promise<FeatureFlagsData>
  /** The user's properties, every page merged (`GET /account_api/v1/properties`). */
  getProperties(opts?: RequestOptions): Promise<PropertiesData>
  /** The org's plans and entitlements, every page merged (`GET /account_api/v1/entitlements`). */
  getEntitlements(opts?: RequestOptions): Promise<EntitlementsData>
  /** One entitlement by feature key (`GET /account_api/v1/entitlement/{key}`, the key URL-encoded). */
  getEntitlement(key: string, opts?: RequestOptions): Promise<EntitlementData>
  /**
   * One page of a list resource, for paging yourself (the `get…` methods above read every page).
   * @example
   * ```ts
   * let page = await client.getPage('permissions', { pageSize: 50 })
   * while (page.hasMore) page = await client.getPage('permissions', { startingAfter: page.nextPageStartingAfter })
   * ```
   */
  getPage<R extends ListResourceName>(resource: R, opts?: PageOptions): Promise<Page<PageDataMap[R]>>
  /** A one-time link to the self-serve portal, as `{ url }` (`GET /account_api/v1/portal_link`). */
  getPortalLink(opts?: PortalLinkOptions): Promise<{ url: string }>
  /** What Kinde says about a token (`POST /oauth2/introspect`, form-encoded). */
  introspect(opts?: IntrospectOptions): Promise<TokenIntrospection>
  /** Revokes a token (`POST /oauth2/revoke`, form-encoded); resolves with nothing. */
  revoke(opts: RevokeOptions): Promise<void>
}
