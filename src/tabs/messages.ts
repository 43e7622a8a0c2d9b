import { identityPrefix, isPersistedEntry, isSyncedResource } from '../persist/key'
import type { Identity } from '../token/types'
import type { TabMessage } from './types'

/** Channel and lock names: per origin (implicit), Kinde domain and identity. Identity is not a secret. */
export function scopeName(domain: string, identity: Identity): string {
  return `kinde-account-sync|${domain}|${identityPrefix(identity)}`
}

const isIdentity = (v: unknown): v is Identity => {
  const i = v as Identity | null
  return typeof i === 'object' && i !== null && typeof i.iss === 'string' && typeof i.sub === 'string'
    && (i.orgCode === null || typeof i.orgCode === 'string')
}
const isString = (v: unknown): v is string => typeof v === 'string'

/** Anything else on the channel (another version, another script) is ignored, never trusted. */
export function isTabMessage(value: unknown): value is TabMessage {
  const m = value as Record<string, unknown> | null
  if (typeof m !== 'object' || m === null || !isIdentity(m.identity)) return false
  switch (m.type) {
    case 'state': return isSyncedResource(m.resource) && isPersistedEntry(m.entry)
    case 'hello': return isString(m.from)
    case 'refresh': return isSyncedResource(m.resource) && isString(m.from) && isString(m.id)
    case 'refreshed': return isSyncedResource(m.resource) && isString(m.id) && (m.entry === null || isPersistedEntry(m.entry))
    case 'cooldown': return typeof m.until === 'number'
    case 'signout': return true
    case 'presence': return isString(m.from) && typeof m.visible === 'boolean'
    case 'rollcall': case 'beat': return isString(m.from)
    case 'snapshot': return isString(m.to) && Array.isArray(m.entries)
      && m.entries.every((e) => Array.isArray(e) && isSyncedResource(e[0]) && isPersistedEntry(e[1]))
    default: return false
  }
}

export function randomId(): string {
  const c = globalThis.crypto
  // randomUUID exists only in secure contexts (https, localhost); any unique string will do.
  return typeof c?.randomUUID === 'function' ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
}
