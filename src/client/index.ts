export { createAccountClient } from './client'
export { AccountApiError, isAccountApiError } from './errors'
export type { AccountApiErrorInit, AccountApiErrorKind } from './errors'
export { RESOURCE_NAMES } from './models'
export type {
  Entitlement, EntitlementData, EntitlementsData, FeatureFlag, FeatureFlagsData, FlagValue, ListResourceName, Permission,
  PermissionsData, Plan, PortalSubnav, PropertiesData, Property, ResourceDataMap, ResourceName, Role, RolesData,
  TokenIntrospection, UserProfile,
} from './models'
export type {
  AccountClient, AccountClientOptions, IntrospectOptions, Page, PageDataMap, PageOptions, PortalLinkOptions, RequestOptions,
  RevokeOptions, TokenGetter,
} from './types'
