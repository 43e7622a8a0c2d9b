import { describe, expect, test } from 'vitest'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { get, post } from './helpers'

describe('mock routes (in-process fetch)', () => {
  test('seeds three users in two orgs, Alice in both', () => {
    const api = createMockAccountApi()
    expect(api.userIds()).toEqual(['kp_alice', 'kp_bob', 'kp_carol'])
    expect(api.orgCodes('kp_alice')).toEqual(['org_acme', 'org_globex'])
    expect(api.orgCodes('kp_bob')).toEqual(['org_acme'])
    expect(api.orgCodes('kp_carol')).toEqual(['org_globex'])
    expect(api.orgs().map((o) => o.code)).toEqual(['org_acme', 'org_globex'])
  })

  test('user_profile answers the spec fields of the token user', async () => {
    const api = createMockAccountApi()
    const { status, body } = await get(api, '/oauth2/v2/user_profile', await api.issueToken('kp_carol'))
    expect(status).toBe(200)
    expect(body).toEqual({
      id: 'kp_carol', sub: 'kp_carol', provided_id: null, name: 'Carol Chen', given_name: 'Carol', family_name: 'Chen',
      email: 'carol@globex.example', email_verified: false, picture: null, preferred_username: null,
      updated_at: 1_761_955_200,
    })
  })

  test('org-scoped lists follow the token org', async () => {
    const api = createMockAccountApi()
    const acme = await api.issueToken('kp_alice', { orgCode: 'org_acme' })
    const globex = await api.issueToken('kp_alice', { orgCode: 'org_globex' })
    const a = await get(api, '/account_api/v1/permissions?page_size=100', acme)
    const g = await get(api, '/account_api/v1/permissions?page_size=100', globex)
    expect(a.body.data.org_code).toBe('org_acme')
    expect(g.body.data.org_code).toBe('org_globex')
    expect(a.body.data.permissions).toHaveLength(26)
    expect(g.body.data.permissions.map((p: any) => p.key)).not.toContain('manage:billing')
    const roles = await get(api, '/account_api/v1/roles?page_size=100', globex)
    expect(roles.body.data.roles.map((r: any) => r.key)).toEqual(['member', 'developer'])
    const ents = await get(api, '/account_api/v1/entitlements', globex)
    expect(ents.body.data.plans).toEqual([{ key: 'starter', name: 'Starter', subscribed_on: '2025-09-15T08:30:00Z' }])
  })

  test('feature flags cover boolean, string, integer and object values', async () => {
    const api = createMockAccountApi()
    const { body } = await get(api, '/account_api/v1/feature_flags', await api.issueToken('kp_alice'))
    const byType = new Set(body.data.feature_flags.map((f: any) => f.type))
    expect(byType).toEqual(new Set(['boolean', 'string', 'integer', 'object']))
    expect(body.data.feature_flags.find((f: any) => f.key === 'rate_limits').value).toEqual({ per_minute: 60, burst: 10 })
    expect(body.data).not.toHaveProperty('org_code')
  })

  test('a single entitlement is found by its URL-encoded key', async () => {
    const api = createMockAccountApi()
    const token = await api.issueToken('kp_bob')
    const { status, body } = await get(api, `/account_api/v1/entitlement/${encodeURIComponent('reports:advanced')}`, token)
    expect(status).toBe(200)
    expect(body.data.org_code).toBe('org_acme')
    expect(body.data.entitlement.feature_key).toBe('reports:advanced')
    expect((await get(api, '/account_api/v1/entitlement/no_such_feature', token)).status).toBe(404)
  })

  test("the spec's template-less entitlement path is not a route (ARCHITECTURE.md, 'Mock', fact 1)", async () => {
    const api = createMockAccountApi()
    const { status } = await get(api, '/account_api/v1/entitlement?key=seats', await api.issueToken('kp_bob'))
    expect(status).toBe(404)
  })

  test('portal link accepts the nine subnav values and an absolute return_url', async () => {
    const api = createMockAccountApi()
    const token = await api.issueToken('kp_alice')
    for (const subnav of ['profile', 'organization_members', 'organization_plan_details', 'plan_selection']) {
      const { status, body } = await get(api, `/account_api/v1/portal_link?subnav=${subnav}&return_url=${encodeURIComponent('https://app.example.com/settings')}`, token)
      expect(status).toBe(200)
      expect(body).toEqual({ url: expect.stringMatching(/^https:\/\/mock\.kinde\.local\/portal_redirect\?key=[0-9a-f]{32}$/) })
    }
    expect((await get(api, '/account_api/v1/portal_link?subnav=billing', token)).status).toBe(400)
    expect((await get(api, '/account_api/v1/portal_link?return_url=%2Fsettings', token)).status).toBe(400)
  })

  test('the portal link opens a page that links back to return_url', async () => {
    const api = createMockAccountApi()
    const token = await api.issueToken('kp_alice')
    const { body } = await get(api, `/account_api/v1/portal_link?subnav=plan_details&return_url=${encodeURIComponent('https://app.example.com/')}`, token)
    const page = await api.fetch(body.url)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('plan_details')
    expect(html).toContain('href="https://app.example.com/"')
  })

  test('introspect describes an active token', async () => {
    const api = createMockAccountApi({ now: () => 1_800_000_000_000 })
    const token = await api.issueToken('kp_bob', { expiresIn: 600 })
    const { status, body } = await post(api, '/oauth2/introspect', { token, token_type_hint: 'access_token' })
    expect(status).toBe(200)
    expect(body).toEqual({ active: true, aud: [], client_id: 'mock_client_id', exp: 1_800_000_600, iat: 1_800_000_000 })
  })

  test('wrong methods and unknown paths are refused', async () => {
    const api = createMockAccountApi()
    const token = await api.issueToken('kp_bob')
    const wrong = await api.fetch(`${api.baseUrl}/account_api/v1/roles`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('allow')).toBe('GET, OPTIONS')
    expect((await get(api, '/account_api/v2/roles', token)).status).toBe(404)
  })

  test('Account API calls without a usable bearer get 403 invalid_credentials', async () => {
    const api = createMockAccountApi()
    for (const token of [undefined, 'not-a-jwt', 'a.b.c']) {
      const { status, body } = await get(api, '/account_api/v1/roles', token)
      expect(status).toBe(403)
      expect(body).toEqual({ errors: [{ code: 'invalid_credentials', message: 'Invalid credentials' }] })
    }
  })

  test('fetch accepts a bare path as this API', async () => {
    const api = createMockAccountApi()
    const response = await api.fetch('/account_api/v1/roles', { headers: { authorization: `Bearer ${await api.issueToken('kp_bob')}` } })
    expect((await response.json()).data.roles.map((r: any) => r.key)).toEqual(['member', 'developer'])
  })

  test('the JWKS is served without auth', async () => {
    const api = createMockAccountApi()
    const { status, body } = await get(api, '/.well-known/jwks.json')
    expect(status).toBe(200)
    expect(body.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) })
  })
})
