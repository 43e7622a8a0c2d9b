// What each resource holds (the API's `data` object, every page merged).
import type { Entitlement, FeatureFlag, Permission, Plan, Property, ResourceName, Role, UserProfile } from './records'

/**
 * `store.permissions`' data: every page of `GET /account_api/v1/permissions`, merged.
 * @property orgCode - The org the permissions apply in (`org_…`); `null` when the API names none.
 * @property permissions - The user's permissions in that org.
 */
export interface PermissionsData { orgCode: string | null; permissions: Permission[] }
/**
 * `store.roles`' data: every page of `GET /account_api/v1/roles`, merged.
 * @property orgCode - The org the roles apply in (`org_…`); `null` when the API names none.
 * @property roles - The user's roles in that org.
 */
export interface RolesData { orgCode: string | null; roles: Role[] }
/**
 * `store.featureFlags`' data: every page of `GET /account_api/v1/feature_flags`, merged.
 * @property featureFlags - Every flag, with its value for the user.
 */
export interface FeatureFlagsData { featureFlags: FeatureFlag[] }
/**
 * `store.properties`' data: every page of `GET /account_api/v1/properties`, merged.
 * @property properties - Every property, with its value for the user.
 */
export interface PropertiesData { properties: Property[] }
/**
 * `store.entitlements`' data: every page of `GET /account_api/v1/entitlements`, merged.
 * @property orgCode - The org the entitlements belong to (`org_…`); `null` when the API names none.
 * @property plans - The plans subscribed to, each once (a server may repeat them on every page).
 * @property entitlements - What those plans entitle to: one entry per feature and price.
 */
export interface EntitlementsData { orgCode: string | null; plans: Plan[]; entitlements: Entitlement[] }
/**
 * `store.entitlement(key)`'s data: one entitlement, from `GET /account_api/v1/entitlement/{key}`.
 * @property orgCode - The org it belongs to (`org_…`); `null` when the API names none.
 * @property entitlement - The entitlement of that feature key.
 */
export interface EntitlementData { orgCode: string | null; entitlement: Entitlement }
/**
 * What `POST /oauth2/introspect` says about a token (`store.introspect()`, `client.introspect()`).
 * @property active - Whether the token is currently active (issued by Kinde, not expired, not revoked).
 * @property aud - The audiences the token is meant for; a single `aud` string becomes a one-item list, none is `[]`.
 * @property clientId - The id of the application the token was issued to; `null` when not sent.
 * @property exp - When the token expires, Unix seconds; `null` when not sent.
 * @property iat - When it was issued, Unix seconds; `null` when not sent.
 */
export interface TokenIntrospection { active: boolean; aud: string[]; clientId: string | null; exp: number | null; iat: number | null }

/** What each synced resource holds. */
export interface ResourceDataMap {
  /** `store.profile`: the user's profile. */
  profile: UserProfile
  /** `store.permissions`: the user's permissions in the current org. */
  permissions: PermissionsData
  /** `store.roles`: the user's roles in the current org. */
  roles: RolesData
  /** `store.featureFlags`: every feature flag and its value. */
  featureFlags: FeatureFlagsData
  /** `store.properties`: the user's properties. */
  properties: PropertiesData
  /** `store.entitlements`: the org's plans and what they entitle to. */
  entitlements: EntitlementsData
}

/** The list resources, which `getPage` pages through. */
export type ListResourceName = Exclude<ResourceName, 'profile'>

/** Portal sub-navigation targets: the spec's seven plus the two Kinde's SDK sends (the Account API's own portal accepts them). */
export type PortalSubnav =
  | 'profile' | 'organization_details' | 'organization_payment_details' | 'organization_plan_selection'
  | 'payment_details' | 'plan_details' | 'plan_selection' | 'organization_members' | 'organization_plan_details'
