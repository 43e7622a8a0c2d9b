import { entitlementPath, PATHS } from '../client/paths'
import type { ResourceName } from '../models'
import type { Fetcher } from './resource/attempt'

/** The client call behind each synced resource. */
const METHODS = {
  profile: 'getUserProfile', permissions: 'getPermissions', roles: 'getRoles',
  featureFlags: 'getFeatureFlags', properties: 'getProperties', entitlements: 'getEntitlements',
} as const

/** A synced resource: the client call and the path it reports in errors. */
export const fetcherFor = (name: ResourceName): { path: string; fetch: Fetcher<any> } => ({
  path: PATHS[name],
  fetch: (c, signal) => c[METHODS[name]]({ signal }),
})

export const entitlementFetcher = (key: string): { path: string; fetch: Fetcher<any> } => ({
  path: entitlementPath(key),
  fetch: (c, signal) => c.getEntitlement(key, { signal }),
})
