import { identityPrefix, isPersistedEntry, isSyncedResource } from '../persist/key'
import type { Identity } from '../token/types'
import type { TabFailure, TabMessage } from './types'

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
/** A number that is not NaN or ±Infinity (Number.isFinite is false for any non-number). */
export const isFiniteNumber = Number.isFinite as (v: unknown) => v is number
const orNull = <T>(test: (v: unknown) => v is T) => (v: unknown): v is T | null => v === null || test(v)

/** A failure's fields, each of its type: a NaN or an object where a number belongs is no failure. */
export const isTabFailure = (v: unknown): v is TabFailure => {
  const f = v as Record<string, unknown> | null
  return typeof f === 'object' && f !== null && isString(f.kind) && orNull(isFiniteNumber)(f.status)
    && orNull(isString)(f.code) && orNull(isFiniteNumber)(f.retryAfterMs) && isString(f.method) && isString(f.path)
}
const isFailureList = (v: unknown) =>
  Array.isArray(v) && v.every((e) => Array.isArray(e) && isSyncedResource(e[0]) && isTabFailure(e[1]))

/** Anything else on the channel (another version, another script) is ignored, never trusted. */
export function isTabMessage(value: unknown): value is TabMessage {
  const m = value as Record<string, unknown> | null
  if (typeof m !== 'object' || m === null || !isIdentity(m.identity)) return false
  switch (m.type) {
    case 'state': return isSyncedResource(m.resource) && isPersistedEntry(m.entry)
    case 'hello': return isString(m.from)
    case 'refresh': return isSyncedResource(m.resource) && isString(m.from) && isString(m.id)
    case 'refreshed': return isSyncedResource(m.resource) && isString(m.id) && (m.entry === null || isPersistedEntry(m.entry))
      && (m.unknown === undefined || typeof m.unknown === 'boolean')
    case 'failed': return isSyncedResource(m.resource) && isTabFailure(m.failure)
    // a non-finite end (NaN, Infinity) would close the gate for good, or never: dropped
    case 'cooldown': return isFiniteNumber(m.until)
    case 'signout': return m.jti === undefined || (isString(m.jti) && m.jti.length <= 256)
    case 'presence': return isString(m.from) && typeof m.visible === 'boolean'
    case 'rollcall': case 'beat': return isString(m.from)
    case 'snapshot': return isString(m.to) && Array.isArray(m.entries)
      && m.entries.every((e) => Array.isArray(e) && isSyncedResource(e[0]) && isPersistedEntry(e[1]))
      && (m.until === undefined || orNull(isFiniteNumber)(m.until))
      && (m.failures === undefined || isFailureList(m.failures))
    default: return false
  }
}

export function randomId(): string {
  const c = globalThis.crypto
  // randomUUID exists only in secure contexts (https, localhost); any unique string will do.
  return typeof c?.randomUUID === 'function' ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
}
