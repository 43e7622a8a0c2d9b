import { RESOURCE_NAMES, type Identity } from '../models'
import type { PersistedEntry } from './types'

/** Every key this library writes starts with this; `clear()` deletes exactly these. */
export const KEY_PREFIX = 'v1|'

// '|' separates the parts and '-' stands for "no org", so a part that contains '|' or '%', or an
// org code that is literally '-', is escaped; ordinary values (URLs, kp_ ids, org_ codes) are unchanged.
function part(value: string): string {
  return value.replace(/%/g, '%25').replace(/\|/g, '%7C')
}

/** The key prefix shared by all entries of one identity (ends with '|'). */
export function identityPrefix(identity: Identity): string {
  const org = identity.orgCode == null ? '-' : identity.orgCode === '-' ? '%2D' : part(identity.orgCode)
  return `${userPrefix(identity)}${org}|`
}

/** The key prefix shared by all entries of one user (iss + sub), in every org (ends with '|'). */
export function userPrefix(identity: Identity): string {
  return `${KEY_PREFIX}${part(identity.iss)}|${part(identity.sub)}|`
}

/** The storage key of one (identity, resource): `v1|<iss>|<sub>|<org_code or ->|<resource>`. */
export function persistKey(identity: Identity, resource: string): string {
  return identityPrefix(identity) + part(resource)
}


/**
 * Only account data is ever persisted or posted to other tabs: the six resources and
 * `entitlement:<key>`. Anything else (a portal link, say) is refused by name.
 */
export function isSyncedResource(resource: unknown): resource is string {
  if (typeof resource !== 'string') return false
  return (RESOURCE_NAMES as readonly string[]).includes(resource) || (resource.startsWith('entitlement:') && resource.length > 12)
}

/** True for `{ data, updatedAt }` with data present and a finite time. */
export function isPersistedEntry(value: unknown): value is PersistedEntry {
  if (typeof value !== 'object' || value === null) return false
  const { data, updatedAt } = value as Partial<PersistedEntry>
  return data !== undefined && typeof updatedAt === 'number' && Number.isFinite(updatedAt)
}

/**
 * A copy with exactly `data` and `updatedAt`, or undefined when the value is not an entry.
 * Stripping extra fields is what keeps an error or a token that rode along off disk and off the channel.
 */
export function toEntry(value: unknown): PersistedEntry | undefined {
  return isPersistedEntry(value) ? { data: value.data, updatedAt: value.updatedAt } : undefined
}
