/** The Account API's resources as the store names them (DESIGN.md §3). */
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

/** Portal sub-navigation targets: the spec's seven plus the two Kinde's SDK sends (ERRATA §7). */
export type PortalSubnav =
  | 'profile' | 'organization_details' | 'organization_payment_details' | 'organization_plan_selection'
  | 'payment_details' | 'plan_details' | 'plan_selection' | 'organization_members' | 'organization_plan_details'
