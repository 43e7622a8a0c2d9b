import type {
  Entitlement, EntitlementData, EntitlementsData, FeatureFlag, FeatureFlagsData, FlagValue, Permission,
  PermissionsData, Plan, PropertiesData, Property, RolesData, TokenIntrospection, UserProfile,
} from './models'
import { bool, isObject, type Json, list, num, object, required, str } from './validate'

// snake_case → camelCase, one field at a time (DESIGN.md §3). Values of flags and properties
// pass through untouched: their keys are the user's, not the API's.

const keyed = (o: Json, at: string): Permission => ({ id: str(o, 'id', at), key: required(o, 'key', at), name: str(o, 'name', at) })

const isScalar = (v: unknown): v is string | boolean | number =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))

function flag(o: Json, at: string): FeatureFlag {
  const value = o.value
  if (!isScalar(value) && !isObject(value)) throw new TypeError(`${at}.value is not a flag value`)
  const inferred = typeof value === 'number' ? 'integer' : typeof value === 'object' ? 'object' : typeof value
  return { ...keyed(o, at), type: str(o, 'type', at) ?? inferred, value: value as FlagValue }
}

function property(o: Json, at: string): Property {
  const value = o.value ?? null
  if (value !== null && !isScalar(value)) throw new TypeError(`${at}.value is not a property value`)
  return { ...keyed(o, at), value }
}

const plan = (o: Json, at: string): Plan => ({
  key: required(o, 'key', at), name: str(o, 'name', at), subscribedOn: str(o, 'subscribed_on', at),
})

const entitlement = (o: Json, at: string): Entitlement => ({
  id: str(o, 'id', at),
  featureKey: required(o, 'feature_key', at),
  featureName: str(o, 'feature_name', at),
  priceName: str(o, 'price_name', at),
  fixedCharge: num(o, 'fixed_charge', at),
  unitAmount: num(o, 'unit_amount', at),
  entitlementLimitMax: num(o, 'entitlement_limit_max', at),
  entitlementLimitMin: num(o, 'entitlement_limit_min', at),
})

/** `data` mappers of the list endpoints, one page at a time. */
export const pageData = {
  permissions: (d: Json): PermissionsData => ({ orgCode: str(d, 'org_code', 'data'), permissions: list(d, 'permissions', 'data', keyed) }),
  roles: (d: Json): RolesData => ({ orgCode: str(d, 'org_code', 'data'), roles: list(d, 'roles', 'data', keyed) }),
  featureFlags: (d: Json): FeatureFlagsData => ({ featureFlags: list(d, 'feature_flags', 'data', flag) }),
  properties: (d: Json): PropertiesData => ({ properties: list(d, 'properties', 'data', property) }),
  entitlements: (d: Json): EntitlementsData => ({
    orgCode: str(d, 'org_code', 'data'), plans: list(d, 'plans', 'data', plan), entitlements: list(d, 'entitlements', 'data', entitlement),
  }),
}

export function entitlementData(body: unknown): EntitlementData {
  const data = object(object(body, 'body').data, 'data')
  return { orgCode: str(data, 'org_code', 'data'), entitlement: entitlement(object(data.entitlement, 'data.entitlement'), 'data.entitlement') }
}

export function userProfile(body: unknown): UserProfile {
  const o = object(body, 'body')
  // `id` and `sub` both carry the user id; either one will do
  const id = str(o, 'id', 'body') || str(o, 'sub', 'body') || required(o, 'id', 'body')
  return {
    id,
    sub: str(o, 'sub', 'body') || id,
    providedId: str(o, 'provided_id', 'body'),
    name: str(o, 'name', 'body'),
    givenName: str(o, 'given_name', 'body'),
    familyName: str(o, 'family_name', 'body'),
    email: str(o, 'email', 'body'),
    emailVerified: bool(o, 'email_verified', 'body'),
    picture: str(o, 'picture', 'body'),
    preferredUsername: str(o, 'preferred_username', 'body'),
    updatedAt: num(o, 'updated_at', 'body'),
  }
}

export const portalLink = (body: unknown): { url: string } => ({ url: required(object(body, 'body'), 'url', 'body') })

export function introspection(body: unknown): TokenIntrospection {
  const o = object(body, 'body')
  const active = bool(o, 'active', 'body')
  if (active === null) throw new TypeError('body.active is missing')
  // RFC 7662 allows `aud` as a single string
  const aud = typeof o.aud === 'string' ? [o.aud] : o.aud ?? []
  if (!Array.isArray(aud) || !aud.every((a) => typeof a === 'string')) throw new TypeError('body.aud is not a list of strings')
  return { active, aud, clientId: str(o, 'client_id', 'body'), exp: num(o, 'exp', 'body'), iat: num(o, 'iat', 'body') }
}
