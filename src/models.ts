// The leaf every folder shares: resource names, data shapes, identity, the persisted entry and
// the token source shapes. It imports nothing (ARCHITECTURE.md, "Layout").

/** The Account API's resources as the store names them (ARCHITECTURE.md, "Flow"). */
export type ResourceName = 'profile' | 'permissions' | 'roles' | 'featureFlags' | 'properties' | 'entitlements'

export const RESOURCE_NAMES: readonly ResourceName[] = ['profile', 'permissions', 'roles', 'featureFlags', 'properties', 'entitlements']

export interface UserProfile {
  id: string
  sub: string
  providedId: string | null
  name: string | null
  givenName: string | null
  familyName: string | null
  email: string | null
  emailVerified: boolean | null
  picture: string | null
  preferredUsername: string | null
  /** Unix seconds, as the API sends it. */
  updatedAt: number | null
}

export interface Permission { id: string | null; key: string; name: string | null }
export interface Role { id: string | null; key: string; name: string | null }

export type FlagValue = string | boolean | number | Record<string, unknown>
export interface FeatureFlag {
  id: string | null
  key: string
  name: string | null
  type: 'boolean' | 'string' | 'integer' | 'object' | (string & {})
  value: FlagValue
}

export interface Property { id: string | null; key: string; name: string | null; value: string | boolean | number | null }
export interface Plan { key: string; name: string | null; subscribedOn: string | null }
export interface Entitlement {
  id: string | null
  featureKey: string
  featureName: string | null
  priceName: string | null
  fixedCharge: number | null
  unitAmount: number | null
  entitlementLimitMax: number | null
  entitlementLimitMin: number | null
}

export interface PermissionsData { orgCode: string | null; permissions: Permission[] }
export interface RolesData { orgCode: string | null; roles: Role[] }
export interface FeatureFlagsData { featureFlags: FeatureFlag[] }
export interface PropertiesData { properties: Property[] }
export interface EntitlementsData { orgCode: string | null; plans: Plan[]; entitlements: Entitlement[] }
export interface EntitlementData { orgCode: string | null; entitlement: Entitlement }
export interface TokenIntrospection { active: boolean; aud: string[]; clientId: string | null; exp: number | null; iat: number | null }

/** What each synced resource holds. */
export interface ResourceDataMap {
  profile: UserProfile
  permissions: PermissionsData
  roles: RolesData
  featureFlags: FeatureFlagsData
  properties: PropertiesData
  entitlements: EntitlementsData
}

/** The list resources, which `getPage` pages through. */
export type ListResourceName = Exclude<ResourceName, 'profile'>

/** Portal sub-navigation targets: the spec's seven plus the two Kinde's SDK sends (the Account API's own portal accepts them). */
export type PortalSubnav =
  | 'profile' | 'organization_details' | 'organization_payment_details' | 'organization_plan_selection'
  | 'payment_details' | 'plan_details' | 'plan_selection' | 'organization_members' | 'organization_plan_details'

/** Who the data belongs to. Two tokens with the same identity share data; any difference resets it. */
export interface Identity {
  /** The token's `iss`: the Kinde domain (or custom domain) that issued it. */
  iss: string
  /** The user id (`kp_…`). */
  sub: string
  /** `org_code` (or `x-hasura-org-code`); null when the token has none. */
  orgCode: string | null
}

/** The access-token claims the library reads (Kinde's documented claims, Hasura-mapped twins included). Decoded, never verified. */
export interface AccessTokenClaims {
  iss?: string
  sub?: string
  exp?: number
  iat?: number
  aud?: string[] | string
  org_code?: string
  permissions?: string[]
  roles?: { id?: string; key: string; name?: string }[]
  feature_flags?: Record<string, { t?: 'b' | 'i' | 's' | 'j' | string; v?: unknown }>
  'x-hasura-org-code'?: string
  'x-hasura-permissions'?: string[]
  'x-hasura-roles'?: { id?: string; key: string; name?: string }[]
  'x-hasura-feature-flags'?: Record<string, { t?: string; v?: unknown }>
  [claim: string]: unknown
}

/** What is stored per (identity, resource). Never a token, a portal link or an error. */
export interface PersistedEntry<T = unknown> { data: T; updatedAt: number }

/** A token, or something that yields one when asked (Kinde's SDK `getToken`, say). */
export type TokenGetter = () => string | null | undefined | Promise<string | null | undefined>

/** Anything with a Svelte/nanostores/rxjs-style `subscribe`. */
export interface TokenSubscribable {
  subscribe(fn: (token: string | null | undefined) => void): (() => void) | { unsubscribe(): void }
}

/**
 * A Kinde session manager (`@kinde/js-utils`' MemoryStorage, LocalStorage, ChromeStore): listeners
 * are called with no argument; the token is `getSessionItem('accessToken')`.
 */
export interface TokenSessionManager extends TokenSubscribable {
  getSessionItem(key: string): unknown
}

/** Where the store gets its access token. */
export type TokenSource = string | null | undefined | TokenGetter | TokenSubscribable | TokenSessionManager
