// The shapes live in the shared leaf; the client's own entry keeps exporting them from here.
export { RESOURCE_NAMES } from '../models'
export type {
  Entitlement, EntitlementData, EntitlementsData, FeatureFlag, FeatureFlagsData, FlagValue, ListResourceName, Permission,
  PermissionsData, Plan, PortalSubnav, PropertiesData, Property, ResourceDataMap, ResourceName, Role, RolesData,
  TokenIntrospection, UserProfile,
} from '../models'
