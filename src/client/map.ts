import type {
  Entitlement, EntitlementData, EntitlementsData, FeatureFlag, FeatureFlagsData, FlagValue, Permission,
  PermissionsData, Plan, PropertiesData, Property, RolesData, TokenIntrospection, UserProfile,
} from './models'
import { bad, field, fields, isRecord, type Json, list, object } from './validate'

// snake_case → camelCase, one listed field at a time. Values of flags and
// properties pass through untouched: their keys are the user's, not the API's.

const keyed = fields<Permission>('id key! name')
const plan = fields<Plan>('key! name subscribed_on')
const entitlement = fields<Entitlement>(
  'id feature_key! feature_name price_name fixed_charge# unit_amount# entitlement_limit_max# entitlement_limit_min#',
)
const profile = fields<UserProfile>(
  'id sub provided_id name given_name family_name email email_verified? picture preferred_username updated_at#',
)
const tokenInfo = fields<TokenIntrospection>('active? client_id exp# iat#')

const isScalar = (v: unknown): v is string | boolean | number =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))

function flag(o: Json, at: string): FeatureFlag {
  const value = o.value
  if (!isScalar(value) && !isRecord(value)) bad(`${at}.value`, 'is not a flag value')
  const inferred = typeof value === 'number' ? 'integer' : typeof value
  return { ...keyed(o, at), type: field(o, 'type', at) ?? inferred, value: value as FlagValue }
}

function property(o: Json, at: string): Property {
  const value = o.value ?? null
  if (value !== null && !isScalar(value)) bad(`${at}.value`, 'is not a property value')
  return { ...keyed(o, at), value: value as Property['value'] }
}

const orgCode = (d: Json) => field(d, 'org_code', 'data')

/** `data` mappers of the list endpoints, one page at a time. */
export const pageData = {
  permissions: (d: Json): PermissionsData => ({ orgCode: orgCode(d), permissions: list(d, 'permissions', 'data', keyed) }),
  roles: (d: Json): RolesData => ({ orgCode: orgCode(d), roles: list(d, 'roles', 'data', keyed) }),
  featureFlags: (d: Json): FeatureFlagsData => ({ featureFlags: list(d, 'feature_flags', 'data', flag) }),
  properties: (d: Json): PropertiesData => ({ properties: list(d, 'properties', 'data', property) }),
  entitlements: (d: Json): EntitlementsData => ({
    orgCode: orgCode(d), plans: list(d, 'plans', 'data', plan), entitlements: list(d, 'entitlements', 'data', entitlement),
  }),
}

export function entitlementData(body: unknown): EntitlementData {
  const data = object(object(body, 'body').data, 'data')
  return { orgCode: orgCode(data), entitlement: entitlement(object(data.entitlement, 'data.entitlement'), 'data.entitlement') }
}

export function userProfile(body: unknown): UserProfile {
  const p = profile(object(body, 'body'), 'body')
  // `id` and `sub` both carry the user id; either one will do
  const id = p.id || p.sub || bad('body.id', 'is missing')
  return { ...p, id, sub: p.sub || id }
}

export const portalLink = (body: unknown): { url: string } => fields<{ url: string }>('url!')(object(body, 'body'), 'body')

export function introspection(body: unknown): TokenIntrospection {
  const o = object(body, 'body')
  const info = tokenInfo(o, 'body')
  if (info.active === null) bad('body.active', 'is missing')
  // RFC 7662 allows `aud` as a single string
  const aud = typeof o.aud === 'string' ? [o.aud] : o.aud ?? []
  if (!Array.isArray(aud) || aud.some((a) => typeof a !== 'string')) bad('body.aud', 'is not a list of strings')
  return { ...info, aud: aud as string[] }
}
