import { isRecord } from './claims'
import type { AccessTokenClaims } from './types'

/**
 * Base64url → UTF-8 text with `atob` + `TextDecoder`, so it runs the same in browsers, workers
 * and Node 16+ without `Buffer`. Throws on bad input; callers catch.
 */
function base64UrlDecode(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/')
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4))
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))
}

/**
 * The payload of a JWT, or null when `token` is not a JWT with a JSON object payload.
 * Never throws and never verifies the signature: the claims are only a fast first answer
 * (and a base URL); the Account API is the source of truth.
 */
export function decodeClaims(token: string): AccessTokenClaims | null {
  if (typeof token !== 'string') return null
  const parts = token.split('.')
  if (parts.length !== 3 || !parts[1]) return null
  try {
    const claims: unknown = JSON.parse(base64UrlDecode(parts[1]))
    return isRecord(claims) ? (claims as AccessTokenClaims) : null
  } catch {
    return null
  }
}

/** True once `exp` (Unix seconds) has passed. A token without a numeric `exp` never counts as expired. */
export function isExpired(claims: AccessTokenClaims | null | undefined, nowMs: number): boolean {
  const exp = claims?.exp
  return typeof exp === 'number' && Number.isFinite(exp) && nowMs >= exp * 1000
}
