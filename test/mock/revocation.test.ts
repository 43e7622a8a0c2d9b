import { describe, expect, test } from 'vitest'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { get, post } from './helpers'

describe('mock revocation', () => {
  test('revokeToken: 403 on the Account API and user_profile, 401 on introspect and revoke (ARCHITECTURE.md, "Mock", fact 5)', async () => {
    const api = createMockAccountApi()
    const token = await api.issueToken('kp_alice')
    const other = await api.issueToken('kp_alice')
    api.revokeToken(token)
    for (const path of ['/oauth2/v2/user_profile', '/account_api/v1/permissions', '/account_api/v1/entitlement/seats']) {
      const { status, body } = await get(api, path, token)
      expect(status, path).toBe(403)
      expect(body.errors[0].code).toBe('invalid_credentials')
    }
    const introspect = await post(api, '/oauth2/introspect', { token })
    expect(introspect.status).toBe(401)
    expect(introspect.body).toEqual({ error: 'invalid_token', error_description: expect.any(String) })
    expect((await post(api, '/oauth2/revoke', { token, client_id: 'app' })).status).toBe(401)
    expect((await get(api, '/account_api/v1/permissions', other)).status).toBe(200)
  })

  test('POST /oauth2/revoke with client_id and token answers 200 with no body, then the token is dead', async () => {
    const api = createMockAccountApi()
    const token = await api.issueToken('kp_bob')
    const response = await post(api, '/oauth2/revoke', { token, client_id: 'app', token_type_hint: 'access_token' })
    expect(response.status).toBe(200)
    expect(response.text).toBe('')
    expect((await get(api, '/account_api/v1/roles', token)).status).toBe(403)
  })

  test('revoke needs client_id and token', async () => {
    const api = createMockAccountApi()
    const token = await api.issueToken('kp_bob')
    const missing = await post(api, '/oauth2/revoke', { token })
    expect(missing.status).toBe(400)
    expect(missing.body.errors[0].code).toBe('invalid_request')
    expect((await post(api, '/oauth2/revoke', { client_id: 'app' }, token)).status).toBe(400)
    expect((await get(api, '/account_api/v1/roles', token)).status).toBe(200)
  })

  test('an expired token gets 401 on introspect', async () => {
    let now = 1_800_000_000_000
    const api = createMockAccountApi({ now: () => now })
    const token = await api.issueToken('kp_bob', { expiresIn: 10 })
    now += 11_000
    const { status, body } = await post(api, '/oauth2/introspect', { token })
    expect(status).toBe(401)
    expect(body.error).toBe('invalid_token')
  })

  test('with a valid bearer, introspecting a dead token answers active: false (RFC 7662)', async () => {
    const api = createMockAccountApi()
    const caller = await api.issueToken('kp_bob')
    const dead = await api.issueToken('kp_bob')
    api.revokeToken(dead)
    const { status, body } = await post(api, '/oauth2/introspect', { token: dead }, caller)
    expect(status).toBe(200)
    expect(body).toEqual({ active: false })
  })
})
