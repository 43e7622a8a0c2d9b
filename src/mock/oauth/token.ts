import type { MockState } from '../data/state'
import type { Signer } from '../jwt'
import { json, oauthError } from '../responses'
import type { MockTokens } from '../tokens'
import { sameRedirect } from './authorize'
import type { Grant, MockGrants } from './grants'
import { issueIdToken } from './id-token'
import { verifierMatches } from './pkce'

export interface TokenEndpointDeps {
  state: MockState; tokens: MockTokens; signer: Signer; grants: MockGrants
  now: () => number; iss: () => string; expiresIn: () => number
}

const BAD_GRANT = 'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used '
  + 'in the authorization request, or was issued to another client.'

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' }

async function tokenSet(deps: TokenEndpointDeps, grant: Grant): Promise<Response> {
  if (!deps.state.find(grant.userId, grant.orgCode)) return oauthError(400, 'invalid_grant', 'The user no longer exists')
  const expiresIn = deps.expiresIn()
  const access = await deps.tokens.issue(grant.userId, {
    orgCode: grant.orgCode, expiresIn,
    claims: { azp: grant.clientId, scp: grant.scope.split(' ').filter(Boolean), aud: grant.audience?.split(' ') ?? [] },
  })
  const id = await issueIdToken({ state: deps.state, signer: deps.signer, iss: deps.iss(), now: deps.now }, grant, expiresIn)
  const offline = grant.scope.split(' ').includes('offline')
  return json(200, {
    access_token: access, expires_in: expiresIn, id_token: id,
    ...(offline ? { refresh_token: deps.grants.issueRefreshToken(grant) } : {}),
    scope: grant.scope, token_type: 'bearer',
  }, NO_STORE)
}

async function authorizationCode(deps: TokenEndpointDeps, form: URLSearchParams): Promise<Response> {
  const code = form.get('code')
  const verifier = form.get('code_verifier')
  const clientId = form.get('client_id')
  const redirectUri = form.get('redirect_uri')
  if (!code || !clientId || !redirectUri) return oauthError(400, 'invalid_request', 'code, client_id and redirect_uri are required')
  if (!verifier) return oauthError(400, 'invalid_request', 'code_verifier is required (PKCE)')
  const found = deps.grants.redeemCode(code)
  if (found === 'used') return oauthError(400, 'invalid_grant', 'The authorization code has already been used')
  if (found === 'unknown' || found === 'expired') return oauthError(400, 'invalid_grant', BAD_GRANT)
  if (found.clientId !== clientId || found.redirectUri !== sameRedirect(redirectUri)) {
    return oauthError(400, 'invalid_grant', BAD_GRANT)
  }
  if (!(await verifierMatches(verifier, found.codeChallenge))) {
    return oauthError(400, 'invalid_grant', 'The PKCE code_verifier does not match the code_challenge')
  }
  return tokenSet(deps, found)
}

async function refresh(deps: TokenEndpointDeps, form: URLSearchParams): Promise<Response> {
  const token = form.get('refresh_token')
  const clientId = form.get('client_id')
  if (!clientId) return oauthError(400, 'invalid_request', 'client_id is required')
  // The cookie flow (custom domains) sends no refresh_token: the mock keeps no cookies.
  if (!token) return oauthError(400, 'invalid_request', 'refresh_token is required')
  const grant = deps.grants.rotate(token)
  if (!grant || grant.clientId !== clientId) return oauthError(400, 'invalid_grant', 'The refresh token is invalid or has been used')
  return tokenSet(deps, grant)
}

/** `POST /oauth2/token`, form-encoded as Kinde's SDKs send it. */
export async function tokenResponse(deps: TokenEndpointDeps, request: Request): Promise<Response> {
  const form = new URLSearchParams(await request.text())
  const type = form.get('grant_type')
  if (type === 'authorization_code') return authorizationCode(deps, form)
  if (type === 'refresh_token') return refresh(deps, form)
  if (!type) return oauthError(400, 'invalid_request', 'grant_type is required')
  return oauthError(400, 'unsupported_grant_type', `grant_type ${type} is not supported`)
}
