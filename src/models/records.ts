// The Account API's records, camelCase: what each resource's data is made of.

/** The Account API's resources as the store names them (ARCHITECTURE.md, "Flow"). */
export type ResourceName = 'profile' | 'permissions' | 'roles' | 'featureFlags' | 'properties' | 'entitlements'

/** All six resource names, in this order; the store's `resources` option defaults to them. */
export const RESOURCE_NAMES: readonly ResourceName[] = ['profile', 'permissions', 'roles', 'featureFlags', 'properties', 'entitlements']

/**
 * The signed-in user, as `GET /oauth2/v2/user_profile` returns it, in camelCase (`store.profile`,
 * `client.getUserProfile()`). A field the API leaves out is `null`.
 */
export interface UserProfile {
  /** The user's id in Kinde (`kp_…`): the API's `id`, or its `sub` when `id` is missing. */
  id: string
  /** The same user id, as the token's `sub` names it; filled from `id` when the API leaves it out. */
  sub: string
  /** The user's id in a third-party system, when the user was imported into Kinde. */
  providedId: string | null
  /** First and last name, separated by a space. */
  name: string | null
  /** First name. */
  givenName: string | null
  /** Last name. */
  familyName: string | null
  /** Email address, when the user has one. */
  email: string | null
  /** Whether the email address has been verified; `null` when the API does not say. */
  emailVerified: boolean | null
  /** URL of the user's picture or avatar. */
  picture: string | null
  /** The user's preferred username. */
  preferredUsername: string | null
  /** When the user was last updated: Unix seconds, as the API sends it. */
  updatedAt: number | null
}

/**
 * A permission the user holds in the current org. `id` and `name` are `null` when the API leaves them out.
 * @property id - Kinde's id of the permission (`perm_…`).
 * @property key - The key you check, e.g. `view_reports` (`store.hasPermission(key)`).
 * @property name - Its display name, e.g. `View reports`.
 */
export interface Permission { id: string | null; key: string; name: string | null }
/**
 * A role the user has in the current org. `id` and `name` are `null` when the API leaves them out.
 * @property id - Kinde's id of the role (`role_…`).
 * @property key - The key you check, e.g. `admin` (`store.hasRole(key)`).
 * @property name - Its display name, e.g. `Admin`.
 */
export interface Role { id: string | null; key: string; name: string | null }

/** A feature flag's value: a boolean, a string, a number (Kinde's `integer` flags) or an object (`object` flags). */
export type FlagValue = string | boolean | number | Record<string, unknown>
/** A feature flag and its value for the user, from `GET /account_api/v1/feature_flags`. */
export interface FeatureFlag {
  /** Kinde's id of the flag (`flag_…`); `null` when the API leaves it out. */
  id: string | null
  /** The key you ask for, e.g. `new_feature` (`store.flag(key, fallback)`). */
  key: string
  /** Its display name; `null` when the API leaves it out. */
  name: string | null
  /** The flag's type as Kinde names it; when the API omits it, inferred from `value` (a number is `'integer'`). Other strings pass through. */
  type: 'boolean' | 'string' | 'integer' | 'object' | (string & {})
  /** The flag's value, passed through untouched (an object flag's keys are yours: not camelCased). */
  value: FlagValue
}

/**
 * A property Kinde keeps for the user (a custom field), from `GET /account_api/v1/properties`.
 * @property id - Kinde's id of the property (`prop_…`); `null` when the API leaves it out.
 * @property key - The key you ask for, e.g. `company_name` (`store.property(key, fallback)`).
 * @property name - Its display name; `null` when the API leaves it out.
 * @property value - Its value for the user; `null` when it has none.
 */
export interface Property { id: string | null; key: string; name: string | null; value: string | boolean | number | null }
/**
 * A plan the user is subscribed to in the current org (from the entitlements endpoint).
 * @property key - The plan's key, e.g. `pro_plan`.
 * @property name - Its display name; `null` when the API leaves it out.
 * @property subscribedOn - When the subscription began: the API's date-time string (ISO 8601, e.g.
 * `2025-06-01T12:00:00Z`), not parsed; `null` when the API leaves it out.
 */
export interface Plan { key: string; name: string | null; subscribedOn: string | null }
/**
 * One feature the org's plans entitle the user to, with the price it comes with. Every field but
 * `featureKey` is `null` when the API leaves it out.
 */
export interface Entitlement {
  /** Kinde's id of the entitlement (`entitlement_…`). */
  id: string | null
  /** The feature's key, e.g. `seats`: what `store.hasEntitlement(featureKey)` checks. */
  featureKey: string
  /** The feature's display name. */
  featureName: string | null
  /** The name of the price the entitlement comes with; `store.has({ billingEntitlements })` matches it too. */
  priceName: string | null
  /** The price charged when this is a fixed-charge entitlement, as the API sends it. */
  fixedCharge: number | null
  /** The price charged for this entitlement, in cents. */
  unitAmount: number | null
  /** The most units of the feature the customer is entitled to (seats, say). */
  entitlementLimitMax: number | null
  /** The fewest units of the feature the customer is entitled to. */
  entitlementLimitMin: number | null
}
