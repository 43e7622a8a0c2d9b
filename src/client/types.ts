import type {
  EntitlementData, EntitlementsData, FeatureFlagsData, ListResourceName, PermissionsData, PortalSubnav,
  PropertiesData, RolesData, TokenIntrospection, UserProfile,
} from '../models'
import type { TokenGetter } from '../models'

export type { TokenGetter } from '../models'

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

export interface RequestOptions { signal?: AbortSignal }

export interface PageOptions extends RequestOptions { pageSize?: number; startingAfter?: string | null }

/** The `data` of one page of a list resource, mapped. */
export interface PageDataMap {
  permissions: PermissionsData
  roles: RolesData
  featureFlags: FeatureFlagsData
  properties: PropertiesData
  entitlements: EntitlementsData
}

export interface Page<T> { data: T; hasMore: boolean; nextPageStartingAfter: string | null }

export interface PortalLinkOptions extends RequestOptions { subnav?: PortalSubnav; returnUrl?: string }
export interface IntrospectOptions extends RequestOptions { token?: string; tokenTypeHint?: 'access_token' | 'refresh_token' }
export interface RevokeOptions extends RequestOptions {
  clientId: string
  token?: string
  clientSecret?: string
  tokenTypeHint?: 'access_token' | 'refresh_token'
}

export interface AccountClient {
  getUserProfile(opts?: RequestOptions): Promise<UserProfile>
  getPermissions(opts?: RequestOptions): Promise<PermissionsData>
  getRoles(opts?: RequestOptions): Promise<RolesData>
  getFeatureFlags(opts?: RequestOptions): Promise<FeatureFlagsData>
  getProperties(opts?: RequestOptions): Promise<PropertiesData>
  getEntitlements(opts?: RequestOptions): Promise<EntitlementsData>
  getEntitlement(key: string, opts?: RequestOptions): Promise<EntitlementData>
  getPage<R extends ListResourceName>(resource: R, opts?: PageOptions): Promise<Page<PageDataMap[R]>>
  getPortalLink(opts?: PortalLinkOptions): Promise<{ url: string }>
  introspect(opts?: IntrospectOptions): Promise<TokenIntrospection>
  revoke(opts: RevokeOptions): Promise<void>
}
