import type { MockState } from '../data/state'
import { oauthError } from '../responses'
import type { MockGrants } from './grants'
import { pickerPage } from './picker'

function redirectTo(target: URL, params: Record<string, string>): Response {
  for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value)
  return new Response(null, { status: 302, headers: { location: target.toString(), 'cache-control': 'no-store' } })
}

function parseRedirect(raw: string | null): URL | null {
  if (!raw) return null
  try {
    const url = new URL(raw)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null
  } catch {
    return null
  }
}

/**
 * The redirect URI compared between /oauth2/auth and /oauth2/token, without trailing slashes:
 * js-utils strips the slash when it builds the auth URL but sends the URI as given to the token call.
 */
export const sameRedirect = (uri: string) => uri.replace(/\/+$/, '')

/** `login_hint` names a user by email or by id (`kp_…`), as Kinde accepts both. */
function hintedUser(state: MockState, hint: string | null) {
  if (!hint) return null
  const wanted = hint.trim().toLowerCase()
  return state.data.users.find((u) => u.profile.email.toLowerCase() === wanted || u.profile.id === hint.trim()) ?? null
}

/**
 * `GET /oauth2/auth`: authorization code with PKCE (S256), the request Kinde's browser SDKs build
 * (client_id, response_type, redirect_uri, scope, state, nonce, code_challenge,
 * code_challenge_method, plus login_hint, org_code, prompt, audience…). Without a known
 * `login_hint` it shows the user picker; with one it redirects at once with `code` and `state`.
 * A request without a usable `redirect_uri` or `client_id` is answered here (never redirected
 * to an address it names); the other errors go back to the app, as OAuth says.
 */
export function authorizeResponse(query: URLSearchParams, state: MockState, grants: MockGrants): Response {
  const clientId = query.get('client_id')
  const redirect = parseRedirect(query.get('redirect_uri'))
  if (!clientId) return oauthError(400, 'invalid_request', 'client_id is required')
  if (!redirect) return oauthError(400, 'invalid_request', 'redirect_uri must be an absolute http(s) URL')
  const appState = query.get('state')
  const fail = (error: string, description: string) =>
    redirectTo(redirect, { error, error_description: description, ...(appState === null ? {} : { state: appState }) })

  if (query.get('response_type') !== 'code') return fail('unsupported_response_type', 'Only response_type=code is supported')
  const challenge = query.get('code_challenge')
  if (!challenge) return fail('invalid_request', 'code_challenge is required (PKCE)')
  if ((query.get('code_challenge_method') ?? 'plain') !== 'S256') {
    return fail('invalid_request', 'code_challenge_method must be S256')
  }

  const user = hintedUser(state, query.get('login_hint'))
  if (!user) {
    if (query.get('prompt') === 'none') return fail('login_required', 'The user is not signed in')
    return pickerPage(query, state.data.users)
  }
  const wantedOrg = query.get('org_code')
  const membership = wantedOrg ? user.memberships.find((m) => m.org_code === wantedOrg) : user.memberships[0]
  if (wantedOrg && !membership) return fail('access_denied', `The user is not a member of ${wantedOrg}`)

  const code = grants.issueCode({
    userId: user.profile.id, orgCode: membership?.org_code ?? null, clientId, redirectUri: sameRedirect(query.get('redirect_uri')!),
    codeChallenge: challenge, scope: query.get('scope') ?? 'openid profile email offline', nonce: query.get('nonce'),
    audience: query.get('audience') || null,
  })
  return redirectTo(redirect, { code, ...(appState === null ? {} : { state: appState }) })
}
