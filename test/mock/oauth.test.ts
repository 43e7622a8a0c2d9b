// @vitest-environment node
// (happy-dom's Request drops the forbidden Origin header these CORS tests send.)
import { describe, expect, test } from 'vitest'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { decodePayload } from '../../src/mock/jwt'
import { APP, authorize, authParams, authUrl, signIn, tokenCall, VERIFIER } from './oauth-helpers'

describe('mock OAuth: discovery and sign-in', () => {
  test('discovery points every endpoint at the mock', async () => {
    const api = createMockAccountApi()
    const body = await (await api.fetch('/.well-known/openid-configuration')).json()
    expect(body).toMatchObject({
      issuer: api.baseUrl, authorization_endpoint: `${api.baseUrl}/oauth2/auth`, token_endpoint: `${api.baseUrl}/oauth2/token`,
      end_session_endpoint: `${api.baseUrl}/logout`, jwks_uri: `${api.baseUrl}/.well-known/jwks.json`,
      code_challenge_methods_supported: ['S256'],
    })
  })

  test('without login_hint /oauth2/auth shows a picker linking each user and org back with login_hint', async () => {
    const api = createMockAccountApi()
    const params = await authParams({ login_hint: '' })
    const response = await api.fetch(authUrl(api, params))
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Alice Anders')
    expect(html).toContain('Carol Chen')
    const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => new URLSearchParams(m[1]!.replace(/&#38;/g, '&').split('?')[1]))
    expect(links).toHaveLength(4) // Alice in two orgs, Bob, Carol
    expect(links[1]!.get('login_hint')).toBe('alice@acme.example')
    expect(links[1]!.get('org_code')).toBe('org_globex')
    expect(links[1]!.get('state')).toBe('st4te')
    expect(links[1]!.get('code_challenge')).toBe(params.code_challenge)
  })

  test('with login_hint it redirects to redirect_uri with a code and the state', async () => {
    const api = createMockAccountApi()
    const { response, location } = await authorize(api)
    expect(response.status).toBe(302)
    expect(`${location!.origin}${location!.pathname}`).toBe(APP)
    expect(location!.searchParams.get('state')).toBe('st4te')
    expect(location!.searchParams.get('code')).toMatch(/^[0-9a-f]{48}$/)
  })

  test('the code and its verifier buy an access, ID and refresh token with Kinde claims', async () => {
    const api = createMockAccountApi({ expiresIn: 120 })
    const { status, body, headers } = await signIn(api, { org_code: 'org_globex' })
    expect(status).toBe(200)
    expect(headers.get('cache-control')).toBe('no-store')
    expect(body).toMatchObject({ expires_in: 120, token_type: 'bearer', scope: 'openid profile email offline' })
    expect(typeof body.refresh_token).toBe('string')
    const access = decodePayload(body.access_token)!
    expect(access).toMatchObject({ sub: 'kp_alice', org_code: 'org_globex', azp: 'spa_client', iss: api.baseUrl,
      scp: ['openid', 'profile', 'email', 'offline'] })
    expect(access.exp).toBe((access.iat as number) + 120)
    expect(access.permissions).not.toContain('manage:billing')
    const id = decodePayload(body.id_token)!
    expect(id).toMatchObject({ sub: 'kp_alice', aud: ['spa_client'], azp: 'spa_client', nonce: 'n0nce',
      email: 'alice@acme.example', given_name: 'Alice', family_name: 'Anders', org_codes: ['org_acme', 'org_globex'] })
    // The access token works on the Account API.
    const profile = await api.fetch('/oauth2/v2/user_profile', { headers: { authorization: `Bearer ${body.access_token}` } })
    expect(profile.status).toBe(200)
  })

  test('login_hint may be a user id; no offline scope means no refresh token', async () => {
    const api = createMockAccountApi()
    const { body } = await signIn(api, { login_hint: 'kp_bob', scope: 'openid profile' })
    expect(decodePayload(body.access_token)!.sub).toBe('kp_bob')
    expect(body.refresh_token).toBeUndefined()
  })

  test('setExpiresIn changes the lifetime of later tokens', async () => {
    const api = createMockAccountApi()
    api.setExpiresIn(15)
    expect((await signIn(api)).body.expires_in).toBe(15)
  })

  test('a refresh token rotates: the new one works, the old one is refused', async () => {
    const api = createMockAccountApi()
    const first = (await signIn(api)).body
    const second = await tokenCall(api, { client_id: 'spa_client', grant_type: 'refresh_token', refresh_token: first.refresh_token })
    expect(second.status).toBe(200)
    expect(second.body.refresh_token).not.toBe(first.refresh_token)
    expect(decodePayload(second.body.access_token)!.sub).toBe('kp_alice')
    const third = await tokenCall(api, { client_id: 'spa_client', grant_type: 'refresh_token', refresh_token: second.body.refresh_token })
    expect(third.status).toBe(200)
    const replay = await tokenCall(api, { client_id: 'spa_client', grant_type: 'refresh_token', refresh_token: first.refresh_token })
    expect(replay).toMatchObject({ status: 400, body: { error: 'invalid_grant' } })
  })

  test('a refreshed token carries the claims of the API data now (a granted permission appears)', async () => {
    const api = createMockAccountApi()
    const first = (await signIn(api, { login_hint: 'kp_bob' })).body
    expect(decodePayload(first.access_token)!.permissions).not.toContain('reports:export')
    api.grantPermission('kp_bob', 'reports:export')
    const next = await tokenCall(api, { client_id: 'spa_client', grant_type: 'refresh_token', refresh_token: first.refresh_token })
    expect(decodePayload(next.body.access_token)!.permissions).toContain('reports:export')
  })

  test('/logout redirects to redirect', async () => {
    const api = createMockAccountApi()
    const response = await api.fetch(`/logout?redirect=${encodeURIComponent('http://127.0.0.1:5173/')}`, { redirect: 'manual' })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('http://127.0.0.1:5173/')
  })
})

describe('mock OAuth: CORS for the browser SDKs', () => {
  test('/oauth2/token echoes the origin and allows credentials (js-utils sends credentials: include)', async () => {
    const api = createMockAccountApi()
    const { location } = await authorize(api)
    const { headers } = await tokenCall(api, { client_id: 'spa_client', code: location!.searchParams.get('code')!,
      code_verifier: VERIFIER, grant_type: 'authorization_code', redirect_uri: APP }, { origin: 'http://127.0.0.1:5173' })
    expect(headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173')
    expect(headers.get('access-control-allow-credentials')).toBe('true')
  })

  test('the preflight for Kinde-SDK and Content-type headers passes with credentials', async () => {
    const api = createMockAccountApi()
    const response = await api.fetch('/oauth2/token', { method: 'OPTIONS', headers: { origin: 'http://localhost:3000',
      'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,kinde-sdk' } })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000')
    expect(response.headers.get('access-control-allow-credentials')).toBe('true')
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Kinde-SDK/)
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Content-Type/)
  })
})
