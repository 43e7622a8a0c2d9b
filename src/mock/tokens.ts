import type { MockState } from './data/state'
import { decodePayload, type Signer } from './jwt'
import type { IssueTokenOptions, MockFeatureFlag } from './types'

const FLAG_CODES: Record<MockFeatureFlag['type'], string> = { boolean: 'b', integer: 'i', string: 's', object: 'j' }

export interface TokenDeps { state: MockState; signer: Signer; now: () => number; iss: () => string; clientId: string }

export type Authenticated = { ok: true; userId: string; orgCode: string | null; claims: Record<string, unknown> }
export type Rejected = { ok: false; reason: 'missing' | 'invalid' | 'expired' | 'revoked' | 'unknown_user' }

/**
 * Tokens carry Kinde's claims (ARCHITECTURE.md, "Mock", fact 10) computed from the API data *at
 * issue time*: later mutations change the API, not tokens already out there, so claims lag behind
 * the API as in Kinde.
 */
export function createTokens({ state, signer, now, iss, clientId }: TokenDeps) {
  const revoked = new Set<string>()
  let serial = 0

  async function issue(userId: string, opts: IssueTokenOptions = {}): Promise<string> {
    const user = state.user(userId)
    const orgCode = opts.orgCode === undefined ? user.memberships[0]?.org_code ?? null : opts.orgCode
    const m = orgCode === null ? null : state.membership(userId, { orgCode })
    const iat = Math.floor(now() / 1000)
    const claims: Record<string, unknown> = {
      aud: [], azp: clientId, exp: iat + (opts.expiresIn ?? 3600), iat, iss: iss(),
      jti: `mock-${iat.toString(36)}-${(++serial).toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
      scp: ['openid', 'profile', 'email', 'offline'], sub: userId,
      ...(orgCode === null ? {} : { org_code: orgCode }),
      ...(m && {
        permissions: m.permissions.map((p) => p.key),
        roles: m.roles.map(({ id, key, name }) => ({ id, key, name })),
        feature_flags: Object.fromEntries(m.feature_flags.map((f) => [f.key, { t: FLAG_CODES[f.type], v: f.value }])),
      }),
    }
    for (const [name, value] of Object.entries(opts.claims ?? {})) {
      if (value === undefined) delete claims[name]
      else claims[name] = value
    }
    return signer.sign(claims)
  }

  async function authenticate(token: string | null): Promise<Authenticated | Rejected> {
    if (!token) return { ok: false, reason: 'missing' }
    const claims = await signer.verify(token)
    if (!claims) return { ok: false, reason: 'invalid' }
    if (typeof claims.jti === 'string' && revoked.has(claims.jti)) return { ok: false, reason: 'revoked' }
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now()) return { ok: false, reason: 'expired' }
    const userId = typeof claims.sub === 'string' ? claims.sub : ''
    const rawOrg = claims.org_code ?? claims['x-hasura-org-code']
    const orgCode = typeof rawOrg === 'string' ? rawOrg : null
    if (!state.find(userId, orgCode)) return { ok: false, reason: 'unknown_user' }
    return { ok: true, userId, orgCode, claims }
  }

  return {
    issue, authenticate,
    /** Later requests with this token fail (ARCHITECTURE.md, "Mock", fact 5). Tokens are tracked by `jti`. */
    revoke(token: string) {
      const jti = decodePayload(token)?.jti
      if (typeof jti === 'string') revoked.add(jti)
    },
  }
}

export type MockTokens = ReturnType<typeof createTokens>
