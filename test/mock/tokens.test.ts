import { describe, expect, test } from 'vitest'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { get } from './helpers'

function claimsOf(token: string) {
  const part = token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0))))
}

describe('mock tokens', () => {
  test('carry the claims of ARCHITECTURE.md, "Mock", fact 10 for the chosen org', async () => {
    const api = createMockAccountApi({ now: () => 1_800_000_000_000 })
    const claims = claimsOf(await api.issueToken('kp_alice', { orgCode: 'org_globex' }))
    expect(claims).toMatchObject({
      sub: 'kp_alice', iss: 'https://mock.kinde.local', iat: 1_800_000_000, exp: 1_800_003_600, aud: [],
      org_code: 'org_globex',
    })
    expect(claims.permissions).toContain('create:projects')
    expect(claims.permissions).not.toContain('manage:billing')
    expect(claims.roles).toEqual([
      { id: expect.stringMatching(/^role_/), key: 'member', name: 'Member' },
      { id: expect.stringMatching(/^role_/), key: 'developer', name: 'Developer' },
    ])
    expect(claims.feature_flags.theme).toEqual({ t: 's', v: 'forest' })
    expect(claims.feature_flags.new_dashboard).toEqual({ t: 'b', v: true })
    expect(claims.feature_flags.max_projects).toEqual({ t: 'i', v: 3 })
    expect(claims.feature_flags.rate_limits).toEqual({ t: 'j', v: { per_minute: 60, burst: 10 } })
  })

  test("default to the user's first org; orgCode null leaves org claims out", async () => {
    const api = createMockAccountApi()
    expect(claimsOf(await api.issueToken('kp_alice')).org_code).toBe('org_acme')
    const none = claimsOf(await api.issueToken('kp_alice', { orgCode: null }))
    expect(none).not.toHaveProperty('org_code')
    expect(none).not.toHaveProperty('permissions')
  })

  test('the baseUrl option is the iss', async () => {
    const api = createMockAccountApi({ baseUrl: 'https://acme.kinde.com/' })
    expect(api.baseUrl).toBe('https://acme.kinde.com')
    expect(claimsOf(await api.issueToken('kp_bob')).iss).toBe('https://acme.kinde.com')
  })

  test('are RS256 signatures that verify against the JWKS', async () => {
    const api = createMockAccountApi()
    const token = await api.issueToken('kp_bob')
    const [header, payload, signature] = token.split('.') as [string, string, string]
    const head = claimsOf(`x.${header}.x`)
    const { keys } = await api.jwks()
    expect(head).toEqual({ alg: 'RS256', typ: 'JWT', kid: keys[0]!.kid })
    const key = await crypto.subtle.importKey('jwk', keys[0] as JsonWebKey, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify'])
    const sig = Uint8Array.from(atob(signature.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))
    expect(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, sig, new TextEncoder().encode(`${header}.${payload}`))).toBe(true)
  })

  test('a tampered token or one from another mock gets 403', async () => {
    const api = createMockAccountApi()
    const other = createMockAccountApi()
    const token = await api.issueToken('kp_bob')
    const [h, p, s] = token.split('.')
    const forged = btoa(JSON.stringify({ ...claimsOf(token), sub: 'kp_alice' })).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
    expect((await get(api, '/account_api/v1/roles', `${h}.${forged}.${s}`)).status).toBe(403)
    expect((await get(api, '/account_api/v1/roles', await other.issueToken('kp_bob'))).status).toBe(403)
    expect((await get(api, '/account_api/v1/roles', `${h}.${p}.${s}`)).status).toBe(200)
  })

  test('an expired token gets 403 on the Account API and user_profile', async () => {
    let now = 1_800_000_000_000
    const api = createMockAccountApi({ now: () => now })
    const token = await api.issueToken('kp_bob', { expiresIn: 60 })
    expect((await get(api, '/oauth2/v2/user_profile', token)).status).toBe(200)
    now += 60_000
    expect((await get(api, '/oauth2/v2/user_profile', token)).status).toBe(403)
    expect((await get(api, '/account_api/v1/permissions', token)).status).toBe(403)
    expect((await get(api, '/account_api/v1/permissions', await api.issueToken('kp_bob', { expiresIn: -1 }))).status).toBe(403)
  })

  test('claims lag behind API data: mutations change the API, not issued tokens', async () => {
    const api = createMockAccountApi()
    const before = await api.issueToken('kp_bob')
    api.grantPermission('kp_bob', 'manage:billing')
    api.setFlag('kp_bob', 'dark_mode', true)
    expect(claimsOf(before).permissions).not.toContain('manage:billing')
    expect(claimsOf(before).feature_flags.dark_mode.v).toBe(false)
    const { body } = await get(api, '/account_api/v1/permissions?page_size=100', before)
    expect(body.data.permissions.map((p: any) => p.key)).toContain('manage:billing')
    expect(claimsOf(await api.issueToken('kp_bob')).permissions).toContain('manage:billing')
  })

  test('extra claims override, undefined removes, and the Hasura org claim scopes data', async () => {
    const api = createMockAccountApi()
    const token = await api.issueToken('kp_alice', {
      claims: { org_code: undefined, 'x-hasura-org-code': 'org_globex', aud: ['https://api.example.com'] },
    })
    const claims = claimsOf(token)
    expect(claims).not.toHaveProperty('org_code')
    expect(claims.aud).toEqual(['https://api.example.com'])
    const { body } = await get(api, '/account_api/v1/roles', token)
    expect(body.data.org_code).toBe('org_globex')
  })

  test('unknown users and orgs are refused when issuing', async () => {
    const api = createMockAccountApi()
    await expect(api.issueToken('kp_nobody')).rejects.toThrow(/unknown user/)
    await expect(api.issueToken('kp_bob', { orgCode: 'org_globex' })).rejects.toThrow(/not in org/)
  })
})
