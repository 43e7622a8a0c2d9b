import type { AccessTokenClaims, Identity } from './types'

/** A non-empty string, else null (also how token sources are read). */
export const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)

/**
 * Who the token belongs to: `iss` + `sub` + `org_code` (or Hasura's `x-hasura-org-code`, as Kinde's Hasura mapping names it).
 * Null without a usable `iss` and `sub` (not a JWT, or a token of another kind).
 */
export function identityOf(claims: AccessTokenClaims | null | undefined): Identity | null {
  const iss = text(claims?.iss)
  const sub = text(claims?.sub)
  if (!claims || !iss || !sub) return null
  return { iss, sub, orgCode: text(claims.org_code) ?? text(claims['x-hasura-org-code']) }
}

/**
 * A stable string for maps and storage keys: `<iss>|<sub>|<orgCode or ->`, the same layout
 * persisted keys use (`v1|<identityKey>|<resource>`).
 */
export function identityKey(identity: Identity): string {
  return `${identity.iss}|${identity.sub}|${identity.orgCode ?? '-'}`
}

/** Same user in the same org at the same Kinde domain. Two nulls (signed out) are the same. */
export function sameIdentity(a: Identity | null | undefined, b: Identity | null | undefined): boolean {
  if (!a || !b) return !a && !b
  return a.iss === b.iss && a.sub === b.sub && a.orgCode === b.orgCode
}
