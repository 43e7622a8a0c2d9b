import type { MockState } from '../data/state'
import type { Signer } from '../jwt'
import type { Grant } from './grants'

/** An OIDC ID token with the claims Kinde puts in one (audience: the client; the user's profile). */
export async function issueIdToken(deps: { state: MockState; signer: Signer; iss: string; now: () => number },
  grant: Grant, expiresIn: number): Promise<string> {
  const user = deps.state.user(grant.userId)
  const { profile } = user
  const iat = Math.floor(deps.now() / 1000)
  return deps.signer.sign({
    aud: [grant.clientId], auth_time: iat, azp: grant.clientId, email: profile.email,
    email_verified: profile.email_verified, exp: iat + expiresIn, family_name: profile.family_name,
    given_name: profile.given_name, iat, iss: deps.iss, jti: `mock-id-${crypto.randomUUID()}`, name: profile.name,
    ...(grant.nonce ? { nonce: grant.nonce } : {}),
    org_codes: user.memberships.map((m) => m.org_code), picture: profile.picture, rat: iat, sub: profile.id,
    updated_at: profile.updated_at,
  })
}
