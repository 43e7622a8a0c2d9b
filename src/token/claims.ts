import type { FlagValue } from '../models'
import type { AccessTokenClaims } from './types'

/** A plain object (not null, not an array). The client's validators use it too. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** The claim itself, or its Hasura-mapped twin when the tenant maps claims for Hasura (Kinde's token claims reference). */
const claim = (claims: AccessTokenClaims | null | undefined, name: string): unknown =>
  claims ? (claims[name] ?? claims[`x-hasura-${name.replace(/_/g, '-')}`]) : undefined


/** Permission keys from `permissions` / `x-hasura-permissions`; undefined when the token has neither. */
export function claimPermissions(claims: AccessTokenClaims | null | undefined): string[] | undefined {
  const value = claim(claims, 'permissions')
  return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : undefined
}

/** Role keys from `roles` / `x-hasura-roles` (objects with `key`, or bare keys); undefined when absent. */
export function claimRoles(claims: AccessTokenClaims | null | undefined): string[] | undefined {
  const value = claim(claims, 'roles')
  if (!Array.isArray(value)) return undefined
  const keys: string[] = []
  for (const role of value) {
    const key = typeof role === 'string' ? role : isRecord(role) ? role.key : undefined
    if (typeof key === 'string') keys.push(key)
  }
  return keys
}

/** A `{ t, v }` flag claim decoded to its value; undefined when `v` does not match its type code. */
function flagValue(flag: unknown): FlagValue | undefined {
  if (!isRecord(flag)) return undefined
  const { t, v } = flag
  switch (t) {
    case 'b': return typeof v === 'boolean' ? v : undefined
    case 'i': return typeof v === 'number' && Number.isInteger(v) ? v : undefined
    case 's': return typeof v === 'string' ? v : undefined
    case 'j': {
      // Object flags arrive as objects; tolerate a JSON string too.
      let value = v
      if (typeof v === 'string') try { value = JSON.parse(v) } catch { return undefined }
      return isRecord(value) ? value : undefined
    }
    default: // no or unknown type code: trust the value when it is a flag value at all
      return typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string' || isRecord(v) ? v : undefined
  }
}

/**
 * Flag values from `feature_flags` / `x-hasura-feature-flags` (`{ "<key>": { "t": "b"|"i"|"s"|"j", "v": … } }`),
 * decoded by their type code. Flags whose value does not fit are left out. Undefined when the claim is absent.
 */
export function claimFlags(claims: AccessTokenClaims | null | undefined): Record<string, FlagValue> | undefined {
  const value = claim(claims, 'feature_flags')
  if (!isRecord(value)) return undefined
  const flags: Record<string, FlagValue> = {}
  for (const key of Object.keys(value)) {
    const decoded = flagValue(value[key])
    // '__proto__' would set the prototype instead of a key
    if (decoded !== undefined && key !== '__proto__') flags[key] = decoded
  }
  return flags
}
