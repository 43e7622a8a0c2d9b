// Seed and wire shapes are snake_case, exactly as the Account API sends them, so a seed reads like
// a captured response and the mock never needs a mapping layer.

/** A user's profile, as `GET /oauth2/v2/user_profile` answers it. */
export interface MockProfile {
  /** The user's id (`kp_…`), the same as `sub`. */
  id: string
  /** The token subject (`kp_…`). */
  sub: string
  /** The id the user has in your own system, if you gave one to Kinde. */
  provided_id: string | null
  /** Full name. */
  name: string
  /** First name. */
  given_name: string
  /** Last name. */
  family_name: string
  /** Email address. */
  email: string
  /** Whether the email address was verified. */
  email_verified: boolean
  /** Avatar URL, or `null` for none. */
  picture: string | null
  /** Username, if the tenant uses them. */
  preferred_username: string | null
  /** When the profile last changed, in Unix seconds. */
  updated_at: number
}

/** A permission the user holds in an org. */
export interface MockPermission {
  /** Stable id (`perm_…`). */
  id: string
  /** What code checks, e.g. `'manage:billing'`. */
  key: string
  /** Human-readable name. */
  name: string
}

/** A role the user has in an org. */
export interface MockRole {
  /** Stable id (`role_…`). */
  id: string
  /** What code checks, e.g. `'admin'`. */
  key: string
  /** Human-readable name. */
  name: string
}

/** The four feature-flag types Kinde knows. */
export type MockFlagType = 'boolean' | 'string' | 'integer' | 'object'
/** A feature flag's value: its type follows the flag's `type`. */
export type MockFlagValue = string | boolean | number | Record<string, unknown>

/** A feature flag with the value it has for the user in an org. */
export interface MockFeatureFlag {
  /** Stable id (`flag_…`). */
  id: string
  /** What code checks, e.g. `'beta_dashboard'`. */
  key: string
  /** Human-readable name. */
  name: string
  /** The value's type. */
  type: MockFlagType
  /** The value, never renamed or mapped. */
  value: MockFlagValue
}

/** A user property (Kinde's `kp_usr_*` ones or your own). */
export interface MockProperty {
  /** Stable id (`prop_…`). */
  id: string
  /** The property's key, e.g. `'kp_usr_city'`. */
  key: string
  /** Human-readable name. */
  name: string
  /** The value, never renamed or mapped. */
  value: string | boolean | number
}

/** A billing plan the org is subscribed to. */
export interface MockPlan {
  /** The plan's key, e.g. `'pro'`. */
  key: string
  /** Human-readable name. */
  name: string
  /** When the subscription started (ISO 8601). */
  subscribed_on: string
}

/** A billing entitlement: a feature of the org's plan and its limits. */
export interface MockEntitlement {
  /** Stable id (`entitlement_…`). */
  id: string
  /** Fixed price per period, in the smallest currency unit, if any. */
  fixed_charge: number | null
  /** The price's name (what Kinde's `has({ billingEntitlements })` can match). */
  price_name: string
  /** Price per unit, in the smallest currency unit, if metered. */
  unit_amount: number | null
  /** What code checks, e.g. `'seats'`. */
  feature_key: string
  /** Human-readable feature name. */
  feature_name: string
  /** Upper limit, or `null` for none. */
  entitlement_limit_max: number | null
  /** Lower limit, or `null` for none. */
  entitlement_limit_min: number | null
}

/** What a user has inside one organisation: everything the org-scoped endpoints return. */
export interface MockMembership {
  /** The org (`org_…`), one of the seed's `orgs`. */
  org_code: string
  /** Served by `/account_api/v1/permissions`. */
  permissions: MockPermission[]
  /** Served by `/account_api/v1/roles`. */
  roles: MockRole[]
  /** Served by `/account_api/v1/feature_flags`. */
  feature_flags: MockFeatureFlag[]
  /** Served with the entitlements (not paged). */
  plans: MockPlan[]
  /** Served by `/account_api/v1/entitlements` and `/entitlement/{key}`. */
  entitlements: MockEntitlement[]
}

/** One user of the mock: profile, properties (not org-scoped) and org memberships. */
export interface MockUser {
  /** Served by `/oauth2/v2/user_profile`. */
  profile: MockProfile
  /** Served by `/account_api/v1/properties`, the same in every org. */
  properties: MockProperty[]
  /** The first membership is the user's default org (tokens issued without `orgCode` use it). */
  memberships: MockMembership[]
}

/** An organisation. */
export interface MockOrg {
  /** The org code (`org_…`), as in the `org_code` claim. */
  code: string
  /** Human-readable name. */
  name: string
}

/**
 * The data a mock serves, snake_case as the API sends it. Start from `defaultSeed()` or write your own.
 *
 * @example
 * ```ts
 * const seed = defaultSeed()
 * seed.users[0]!.memberships[0]!.feature_flags.push({ id: 'flag_x', key: 'x', name: 'X', type: 'boolean', value: true })
 * const api = createMockAccountApi({ seed })
 * ```
 */
export interface MockSeed {
  /** Every org a membership may name. */
  orgs: MockOrg[]
  /** The users; `profile.id` is the `userId` the mock's methods take. */
  users: MockUser[]
}
