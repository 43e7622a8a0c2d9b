// The leaf every folder shares: resource names, data shapes, identity, the persisted entry and
// the token source shapes. It imports nothing (ARCHITECTURE.md, "Layout").

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
  /** Issuer: the Kinde domain (or custom domain) that issued the token; the client's default base URL. */
  iss?: string
  /** Subject: the user id (`kp_…`). */
  sub?: string
  /** When the token expires, Unix seconds; the store never sends a token past it. */
  exp?: number
  /** When the token was issued, Unix seconds. */
  iat?: number
  /** The audience: one string or a list. */
  aud?: string[] | string
  /** The org the token was issued for (`org_…`). */
  org_code?: string
  /** Permission keys in that org. */
  permissions?: string[]
  /** Roles in that org, each `{ id?, key, name? }`; only `key` is read. */
  roles?: { id?: string; key: string; name?: string }[]
  /**
   * Flags by key, each `{ t, v }`: `t` the type code (`b` boolean, `i` integer, `s` string, `j`
   * object), `v` the value. A flag whose value does not fit its type code is left out.
   */
  feature_flags?: Record<string, { t?: 'b' | 'i' | 's' | 'j' | string; v?: unknown }>
  /** `org_code` as Kinde's Hasura mapping names it; read when `org_code` is absent. */
  'x-hasura-org-code'?: string
  /** `permissions` as Kinde's Hasura mapping names it; read when `permissions` is absent. */
  'x-hasura-permissions'?: string[]
  /** `roles` as Kinde's Hasura mapping names it; read when `roles` is absent. */
  'x-hasura-roles'?: { id?: string; key: string; name?: string }[]
  /** `feature_flags` as Kinde's Hasura mapping names it; read when `feature_flags` is absent. */
  'x-hasura-feature-flags'?: Record<string, { t?: string; v?: unknown }>
  [claim: string]: unknown
}

/**
 * What is stored per (identity, resource). Never a token, a portal link or an error.
 * @property data - The resource's data, as the store last received it.
 * @property updatedAt - When it was fetched from the network, ms since the epoch; `maxAge` counts from it.
 */
export interface PersistedEntry<T = unknown> { data: T; updatedAt: number }

/** A token, or something that yields one when asked (Kinde's SDK `getToken`, say). */
export type TokenGetter = () => string | null | undefined | Promise<string | null | undefined>

/** Anything with a Svelte/nanostores/rxjs-style `subscribe`. */
export interface TokenSubscribable {
  /**
   * Calls `fn` with each token (`null` or `undefined`: none); returns the unsubscribe function, or
   * an object with `unsubscribe()` (an rxjs `Subscription`).
   */
  subscribe(fn: (token: string | null | undefined) => void): (() => void) | { unsubscribe(): void }
}

/**
 * A Kinde session manager (`@kinde/js-utils`' MemoryStorage, LocalStorage, ChromeStore): listeners
 * are called with no argument; the token is `getSessionItem('accessToken')`.
 */
export interface TokenSessionManager extends TokenSubscribable {
  /** The item stored under `key`, or a promise of it; the store asks for `'accessToken'`. */
  getSessionItem(key: string): unknown
}

/** Where the store gets its access token. */
export type TokenSource = string | null | undefined | TokenGetter | TokenSubscribable | TokenSessionManager
