// Unsigned-looking JWTs for the stub: every library under test only decodes claims (ours) or passes
// the token through (peers); nobody verifies a signature in a browser.
export const ISS = 'https://bench.kinde.local'

let serial = 0

/** A fresh token for the same user and org each call (a new `jti`, as a token refresh gives). */
export function token(sub = 'kp_bench', orgCode = 'org_bench'): string {
  const now = Math.floor(Date.now() / 1000)
  const claims = { iss: ISS, sub, org_code: orgCode, aud: [], iat: now, exp: now + 3600, jti: `bench-${++serial}` }
  return `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims)}.c2lnbmF0dXJl`
}

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}
