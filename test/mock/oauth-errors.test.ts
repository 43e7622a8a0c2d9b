import { describe, expect, test } from 'vitest'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { APP, authorize, signIn, tokenCall, VERIFIER } from './oauth-helpers'

const exchange = (code: string, overrides: Record<string, string> = {}) => ({
  client_id: 'spa_client', code, code_verifier: VERIFIER, grant_type: 'authorization_code', redirect_uri: APP, ...overrides,
})

async function codeFor(api: ReturnType<typeof createMockAccountApi>) {
  return (await authorize(api)).location!.searchParams.get('code')!
}

describe('mock OAuth: Kinde-style errors, never a silent success', () => {
  test('a wrong code_verifier is invalid_grant', async () => {
    const api = createMockAccountApi()
    const result = await tokenCall(api, exchange(await codeFor(api), { code_verifier: 'w'.repeat(50) }))
    expect(result).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_description: expect.stringMatching(/code_verifier/) } })
  })

  test('a missing code_verifier is invalid_request', async () => {
    const api = createMockAccountApi()
    const { code_verifier: _, ...form } = exchange(await codeFor(api))
    expect(await tokenCall(api, form)).toMatchObject({ status: 400, body: { error: 'invalid_request' } })
  })

  test('a reused code is invalid_grant, and the refresh token of its first use stops working', async () => {
    const api = createMockAccountApi()
    const code = await codeFor(api)
    const first = await tokenCall(api, exchange(code))
    expect(first.status).toBe(200)
    const again = await tokenCall(api, exchange(code))
    expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_description: expect.stringMatching(/already been used/) } })
    const refreshed = await tokenCall(api, { client_id: 'spa_client', grant_type: 'refresh_token', refresh_token: first.body.refresh_token })
    expect(refreshed).toMatchObject({ status: 400, body: { error: 'invalid_grant' } })
  })

  test('an unknown refresh token is invalid_grant', async () => {
    const api = createMockAccountApi()
    const result = await tokenCall(api, { client_id: 'spa_client', grant_type: 'refresh_token', refresh_token: 'nope' })
    expect(result).toMatchObject({ status: 400, body: { error: 'invalid_grant' } })
  })

  test('a refresh token used by another client is invalid_grant', async () => {
    const api = createMockAccountApi()
    const { body } = await signIn(api)
    const result = await tokenCall(api, { client_id: 'other', grant_type: 'refresh_token', refresh_token: body.refresh_token })
    expect(result).toMatchObject({ status: 400, body: { error: 'invalid_grant' } })
  })

  test('a code redeemed with another redirect_uri or client is invalid_grant', async () => {
    const api = createMockAccountApi()
    expect(await tokenCall(api, exchange(await codeFor(api), { redirect_uri: 'http://127.0.0.1:5173/other' })))
      .toMatchObject({ status: 400, body: { error: 'invalid_grant' } })
    expect(await tokenCall(api, exchange(await codeFor(api), { client_id: 'other' })))
      .toMatchObject({ status: 400, body: { error: 'invalid_grant' } })
  })

  test('an unknown code and an unknown grant_type', async () => {
    const api = createMockAccountApi()
    expect(await tokenCall(api, exchange('0'.repeat(48)))).toMatchObject({ status: 400, body: { error: 'invalid_grant' } })
    expect(await tokenCall(api, { grant_type: 'password', client_id: 'spa_client' }))
      .toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } })
    expect(await tokenCall(api, { client_id: 'spa_client' })).toMatchObject({ status: 400, body: { error: 'invalid_request' } })
  })

  test('/oauth2/auth without PKCE, with plain PKCE or another response_type sends the error back to the app', async () => {
    const api = createMockAccountApi()
    for (const [overrides, error] of [
      [{ code_challenge: '' }, 'invalid_request'],
      [{ code_challenge_method: 'plain' }, 'invalid_request'],
      [{ response_type: 'token' }, 'unsupported_response_type'],
      [{ login_hint: 'bob@acme.example', org_code: 'org_globex' }, 'access_denied'],
      [{ login_hint: '', prompt: 'none' }, 'login_required'],
    ] as const) {
      const { response, location } = await authorize(api, overrides)
      expect(response.status).toBe(302)
      expect(location!.searchParams.get('error')).toBe(error)
      expect(location!.searchParams.get('state')).toBe('st4te')
      expect(location!.searchParams.has('code')).toBe(false)
    }
  })

  test('/oauth2/auth never redirects to a missing or non-http redirect_uri, nor without client_id', async () => {
    const api = createMockAccountApi()
    for (const overrides of [{ redirect_uri: '' }, { redirect_uri: 'javascript:alert(1)' }, { client_id: '' }] as Record<string, string>[]) {
      const { response, location } = await authorize(api, overrides)
      expect(response.status).toBe(400)
      expect(location).toBeNull()
      expect(await response.json()).toMatchObject({ error: 'invalid_request' })
    }
  })
})
