import type { AccountClient } from '../client/types'
import type { ResourceName } from '../client/models'

export type Fetcher<T> = (client: AccountClient, signal: AbortSignal) => Promise<T>

/** The six synced resources: the client call and the path it reports in errors. */
export const RESOURCES: Record<ResourceName, { path: string; fetch: Fetcher<any> }> = {
  profile: { path: '/oauth2/v2/user_profile', fetch: (c, signal) => c.getUserProfile({ signal }) },
  permissions: { path: '/account_api/v1/permissions', fetch: (c, signal) => c.getPermissions({ signal }) },
  roles: { path: '/account_api/v1/roles', fetch: (c, signal) => c.getRoles({ signal }) },
  featureFlags: { path: '/account_api/v1/feature_flags', fetch: (c, signal) => c.getFeatureFlags({ signal }) },
  properties: { path: '/account_api/v1/properties', fetch: (c, signal) => c.getProperties({ signal }) },
  entitlements: { path: '/account_api/v1/entitlements', fetch: (c, signal) => c.getEntitlements({ signal }) },
}

export const entitlementFetcher = (key: string): { path: string; fetch: Fetcher<any> } => ({
  path: `/account_api/v1/entitlement/${encodeURIComponent(key)}`,
  fetch: (c, signal) => c.getEntitlement(key, { signal }),
})
