// What /oauth2/auth hands out and /oauth2/token redeems: single-use codes and rotating refresh
// tokens, both opaque random strings that live only in this mock's memory.

export interface Grant {
  userId: string
  orgCode: string | null
  clientId: string
  scope: string
  /** The OIDC nonce from /oauth2/auth, echoed in every ID token of this session. */
  nonce: string | null
  /** `audience` from /oauth2/auth, space-separated; the access token's `aud`. */
  audience: string | null
}

export interface PendingCode extends Grant {
  redirectUri: string
  codeChallenge: string
  expiresAt: number
  used: boolean
}

const CODE_LIFETIME_MS = 10 * 60 * 1000

const random = (bytes = 24) =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('')

export function createGrants(now: () => number) {
  const codes = new Map<string, PendingCode>()
  const refreshTokens = new Map<string, Grant>()

  return {
    issueCode(grant: Grant & { redirectUri: string; codeChallenge: string }): string {
      const code = random()
      codes.set(code, { ...grant, expiresAt: now() + CODE_LIFETIME_MS, used: false })
      return code
    },
    /**
     * The code's grant, marked used. A code is redeemed once: a second try is refused, as at
     * Kinde, and (RFC 6749 §4.1.2) revokes the refresh tokens the first redemption issued.
     */
    redeemCode(code: string): PendingCode | 'unknown' | 'used' | 'expired' {
      const found = codes.get(code)
      if (!found) return 'unknown'
      if (found.used) {
        for (const [token, grant] of refreshTokens) if (grant === found) refreshTokens.delete(token)
        return 'used'
      }
      found.used = true
      return found.expiresAt <= now() ? 'expired' : found
    },
    issueRefreshToken(grant: Grant): string {
      const token = random(32)
      refreshTokens.set(token, grant)
      return token
    },
    /** Rotation: the old refresh token stops working the moment a new one is issued for it. */
    rotate(token: string): Grant | null {
      const grant = refreshTokens.get(token)
      if (!grant) return null
      refreshTokens.delete(token)
      return grant
    },
  }
}

export type MockGrants = ReturnType<typeof createGrants>
