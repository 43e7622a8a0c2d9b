// RS256 JWTs through WebCrypto (crypto.subtle): the same code runs in Node 20, happy-dom and
// browsers, so the in-process mock stays browser-safe. No Buffer, no node:crypto.

const ALG = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const

function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  return Uint8Array.from(binary, (c) => c.charCodeAt(0))
}

const encodeJson = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)))

/** Claims of a JWT without checking anything; null when it is not one. */
export function decodePayload(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1]
  if (!part) return null
  try {
    const payload: unknown = JSON.parse(new TextDecoder().decode(fromBase64url(part)))
    return payload && typeof payload === 'object' && !Array.isArray(payload) ? payload as Record<string, unknown> : null
  } catch {
    return null
  }
}

export interface Signer {
  readonly kid: string
  sign(claims: Record<string, unknown>): Promise<string>
  /** The claims when the signature is this signer's; null otherwise. Expiry is the caller's job. */
  verify(token: string): Promise<Record<string, unknown> | null>
  jwks(): Promise<{ keys: Record<string, unknown>[] }>
}

// RSA key generation takes 0.1-0.4 s, too slow for a fresh mock per test. So mocks share one key
// pair, made on first use (nothing happens at import), and each mock signs with its own `kid`:
// a token from another mock is still rejected, as a token from another Kinde tenant would be.
let sharedKeys: Promise<CryptoKeyPair> | undefined
const pair = () => (sharedKeys ??= crypto.subtle.generateKey(
  { ...ALG, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) }, true, ['sign', 'verify'],
) as Promise<CryptoKeyPair>)

const randomKid = () =>
  `mock-${Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('')}`

/** A signer with its own key id; see above for why the key pair itself is shared. */
export function createSigner(kid = randomKid()): Signer {

  return {
    kid,
    async sign(claims) {
      const input = `${encodeJson({ alg: 'RS256', typ: 'JWT', kid })}.${encodeJson(claims)}`
      const signature = await crypto.subtle.sign(ALG, (await pair()).privateKey, new TextEncoder().encode(input))
      return `${input}.${base64url(new Uint8Array(signature))}`
    },
    async verify(token) {
      const parts = token.split('.')
      if (parts.length !== 3) return null
      const [header, payload, signature] = parts as [string, string, string]
      try {
        const head = JSON.parse(new TextDecoder().decode(fromBase64url(header))) as { alg?: string; kid?: string }
        if (head.alg !== 'RS256' || head.kid !== kid) return null
        const ok = await crypto.subtle.verify(ALG, (await pair()).publicKey, fromBase64url(signature),
          new TextEncoder().encode(`${header}.${payload}`))
        return ok ? decodePayload(token) : null
      } catch {
        return null
      }
    },
    async jwks() {
      const jwk = await crypto.subtle.exportKey('jwk', (await pair()).publicKey)
      return { keys: [{ kty: jwk.kty, n: jwk.n, e: jwk.e, alg: 'RS256', use: 'sig', kid }] }
    },
  }
}
