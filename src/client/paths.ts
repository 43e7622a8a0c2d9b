import type { ResourceName } from './models'

/** Where each resource lives (the client's routes, and the path the store names in its errors). */
export const PATHS: Record<ResourceName, string> = {
  profile: '/oauth2/v2/user_profile',
  permissions: '/account_api/v1/permissions',
  roles: '/account_api/v1/roles',
  featureFlags: '/account_api/v1/feature_flags',
  properties: '/account_api/v1/properties',
  entitlements: '/account_api/v1/entitlements',
}

/** The spec's path has no {key} template; the real route does (as Kinde's SDK calls it). */
export const entitlementPath = (key: string): string => `/account_api/v1/entitlement/${encodeURIComponent(key)}`
