// PKCE (RFC 7636) as Kinde's SDKs use it: S256 only, the challenge is base64url(sha256(verifier)).

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/

function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** The S256 challenge of a verifier, through WebCrypto so it runs in Node and browsers alike. */
export async function s256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))
  return base64url(new Uint8Array(digest))
}

/** True when the verifier is well formed and hashes to the challenge sent to /oauth2/auth. */
export async function verifierMatches(verifier: string, challenge: string): Promise<boolean> {
  return VERIFIER.test(verifier) && (await s256(verifier)) === challenge
}
