import type { MockAccountApi } from 'kinde-account-sync/mock'
import { s256 } from '../../src/mock/oauth/pkce'

export const APP = 'http://127.0.0.1:5173/callback'
export const VERIFIER = 'v'.repeat(20) + '-verifier-of-at-least-43-characters'

export function authUrl(api: MockAccountApi, params: Record<string, string>) {
  return `${api.baseUrl}/oauth2/auth?${new URLSearchParams(params)}`
}

/** The query Kinde's SDKs send to /oauth2/auth, for one user (login_hint) unless overridden. */
export async function authParams(overrides: Record<string, string> = {}) {
  return {
    client_id: 'spa_client', response_type: 'code', redirect_uri: APP, scope: 'openid profile email offline',
    state: 'st4te', nonce: 'n0nce', code_challenge: await s256(VERIFIER), code_challenge_method: 'S256',
    login_hint: 'alice@acme.example', ...overrides,
  }
}

export async function authorize(api: MockAccountApi, overrides: Record<string, string> = {}) {
  const response = await api.fetch(authUrl(api, await authParams(overrides)), { redirect: 'manual' })
  const location = response.headers.get('location')
  return { response, location: location ? new URL(location) : null }
}

export async function tokenCall(api: MockAccountApi, form: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await api.fetch(`${api.baseUrl}/oauth2/token`, {
    method: 'POST', body: new URLSearchParams(form).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8', ...headers },
  })
  return { status: response.status, headers: response.headers, body: await response.json() as Record<string, any> }
}

/** Sign in Alice (or the hinted user) the whole way: the code, then the token set. */
export async function signIn(api: MockAccountApi, overrides: Record<string, string> = {}) {
  const { location } = await authorize(api, overrides)
  const code = location!.searchParams.get('code')!
  return tokenCall(api, { client_id: 'spa_client', code, code_verifier: VERIFIER, grant_type: 'authorization_code', redirect_uri: APP })
}
