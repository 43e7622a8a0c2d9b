import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createAccountClient, type AccountClient, type AccountClientOptions } from 'kinde-account-sync'
import { createMockAccountApi, type MockAccountApi } from 'kinde-account-sync/mock'

export interface MockEnv { api: MockAccountApi; fetch: typeof globalThis.fetch; close?: () => Promise<void> }

/**
 * Every client operation against the mock Account API. Run in-process (the mock's `fetch`) and
 * over real HTTP by the two test files that call this.
 */
export function clientAgainstMock(setup: (api: MockAccountApi) => Promise<MockEnv>) {
  let env: MockEnv
  beforeEach(async () => {
    env = await setup(createMockAccountApi())
  })
  afterEach(async () => {
    await env.close?.()
  })

  const clientFor = async (userId = 'kp_alice', issue: Parameters<MockAccountApi['issueToken']>[1] = {}, options: Partial<AccountClientOptions> = {}): Promise<AccountClient> =>
    createAccountClient({ token: await env.api.issueToken(userId, issue), fetch: env.fetch, ...options })
  const alice = () => env.api.user('kp_alice')

  describe('reads', () => {
    test('getUserProfile maps the profile', async () => {
      const p = alice().profile
      await expect((await clientFor()).getUserProfile()).resolves.toEqual({
        id: p.id, sub: p.sub, providedId: p.provided_id, name: p.name, givenName: p.given_name, familyName: p.family_name,
        email: p.email, emailVerified: p.email_verified, picture: p.picture, preferredUsername: p.preferred_username,
        updatedAt: p.updated_at,
      })
    })

    test('getPermissions returns every page of the token org, in order', async () => {
      const expected = alice().memberships[0]!
      const client = await clientFor('kp_alice', {}, { pageSize: 10 })
      const data = await client.getPermissions()
      expect(data.orgCode).toBe(expected.org_code)
      expect(data.permissions).toEqual(expected.permissions.map((p) => ({ id: p.id, key: p.key, name: p.name })))
      // the seed has enough permissions that pages of 10 take several requests
      const sent = env.api.requests.filter((r) => r.route === 'permissions')
      expect(sent.length).toBeGreaterThan(1)
      expect(sent.every((r) => r.query.page_size === '10')).toBe(true)
    })

    test('getRoles, getProperties and getFeatureFlags (values untouched)', async () => {
      const user = alice()
      const m = user.memberships[0]!
      const client = await clientFor('kp_alice', {}, { pageSize: 3 })
      const roles = await client.getRoles()
      expect(roles.roles.map((r) => r.key)).toEqual(m.roles.map((r) => r.key))
      const props = await client.getProperties()
      expect(props.properties.map((p) => [p.key, p.value])).toEqual(user.properties.map((p) => [p.key, p.value]))
      const flags = await client.getFeatureFlags()
      expect(flags.featureFlags).toEqual(m.feature_flags.map((f) => ({ id: f.id, key: f.key, name: f.name, type: f.type, value: f.value })))
    })

    test('getEntitlements and getEntitlement, with a key that needs encoding', async () => {
      env.api.setEntitlements('kp_alice', [{ feature_key: 'seats', entitlement_limit_max: 10 }, { feature_key: 'a/b c', price_name: 'Odd' }])
      const client = await clientFor()
      const all = await client.getEntitlements()
      expect(all.entitlements.map((e) => e.featureKey)).toEqual(['seats', 'a/b c'])
      expect(all.plans.map((p) => p.key)).toEqual(alice().memberships[0]!.plans.map((p) => p.key))
      const one = await client.getEntitlement('a/b c')
      expect(one.entitlement).toMatchObject({ featureKey: 'a/b c', priceName: 'Odd' })
      expect(one.orgCode).toBe(alice().memberships[0]!.org_code)
      await expect(client.getEntitlement('missing')).rejects.toMatchObject({ kind: 'http', status: 404 })
    })

    test('getPage pages by hand', async () => {
      const client = await clientFor()
      const first = await client.getPage('permissions', { pageSize: 5 })
      expect(first.data.permissions).toHaveLength(5)
      expect(first.hasMore).toBe(true)
      const second = await client.getPage('permissions', { pageSize: 5, startingAfter: first.nextPageStartingAfter })
      expect(second.data.permissions[0]!.key).toBe(alice().memberships[0]!.permissions[5]!.key)
    })

    test('a token for another org reads that org', async () => {
      const [, other] = env.api.orgCodes('kp_alice')
      const data = await (await clientFor('kp_alice', { orgCode: other! })).getPermissions()
      expect(data.orgCode).toBe(other)
    })

    test('changes made on the server show on the next read', async () => {
      const client = await clientFor()
      env.api.grantPermission('kp_alice', 'brand_new:thing')
      env.api.setFlag('kp_alice', 'launch_config', { max_items: 3, nested_key: { a_b: true } }, { type: 'object' })
      expect((await client.getPermissions()).permissions.map((p) => p.key)).toContain('brand_new:thing')
      const flag = (await client.getFeatureFlags()).featureFlags.find((f) => f.key === 'launch_config')
      expect(flag?.value).toEqual({ max_items: 3, nested_key: { a_b: true } })
    })

    test('getPortalLink', async () => {
      const link = await (await clientFor()).getPortalLink({ subnav: 'organization_members', returnUrl: 'http://localhost:5173/' })
      expect(() => new URL(link.url)).not.toThrow()
      const sent = env.api.requests.find((r) => r.route === 'portalLink')!
      expect(sent.query).toMatchObject({ subnav: 'organization_members', return_url: 'http://localhost:5173/' })
    })
  })

  describe('tokens', () => {
    test('introspect the current token', async () => {
      const result = await (await clientFor()).introspect()
      expect(result.active).toBe(true)
      expect(result.exp).toBeGreaterThan(result.iat!)
      expect(result.clientId).toBeTruthy()
    })

    test('revoke makes later calls unauthorized (403 on the Account API, 401 on introspect)', async () => {
      const client = await clientFor()
      await expect(client.revoke({ clientId: 'mock_client_id' })).resolves.toBeUndefined()
      await expect(client.getRoles()).rejects.toMatchObject({ kind: 'unauthorized', status: 403 })
      await expect(client.introspect()).rejects.toMatchObject({ kind: 'unauthorized', status: 401 })
    })

    test('an expired token is unauthorized', async () => {
      const client = await clientFor('kp_alice', { expiresIn: -60 })
      await expect(client.getUserProfile()).rejects.toMatchObject({ kind: 'unauthorized', status: 403 })
    })

    test('the request log never holds the token', async () => {
      const token = await env.api.issueToken('kp_bob')
      await createAccountClient({ token, fetch: env.fetch }).getPermissions()
      expect(JSON.stringify(env.api.requests)).not.toContain(token)
    })
  })

  describe('faults', () => {
    test('429 with RateLimit-Reset and Retry-After', async () => {
      env.api.fault('roles', { status: 429, rateLimitReset: 30, retryAfter: 12 })
      await expect((await clientFor()).getRoles()).rejects.toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 30_000 })
    })

    test('5xx is server, and clears when the fault does', async () => {
      env.api.fault('profile', { status: 503 }, { times: 1 })
      const client = await clientFor()
      await expect(client.getUserProfile()).rejects.toMatchObject({ kind: 'server', status: 503 })
      await expect(client.getUserProfile()).resolves.toMatchObject({ id: 'kp_alice' })
    })

    test('a malformed body and a wrong-shaped body are invalid_response', async () => {
      const client = await clientFor()
      env.api.fault('featureFlags', { malformed: true }, { times: 1 })
      await expect(client.getFeatureFlags()).rejects.toMatchObject({ kind: 'invalid_response' })
      env.api.fault('properties', { body: { data: { properties: [{ value: 1 }] } } }, { times: 1 })
      await expect(client.getProperties()).rejects.toMatchObject({ kind: 'invalid_response' })
    })

    test('a hang ends in a timeout', async () => {
      env.api.fault('entitlements', { hang: true })
      const client = await clientFor('kp_alice', {}, { timeout: 50 })
      await expect(client.getEntitlements()).rejects.toMatchObject({ kind: 'timeout' })
    })

    test('a hang ends when the caller aborts', async () => {
      env.api.fault('permissions', { hang: true })
      const controller = new AbortController()
      const pending = (await clientFor()).getPermissions({ signal: controller.signal })
      setTimeout(() => controller.abort(), 10)
      await expect(pending).rejects.toMatchObject({ kind: 'aborted' })
    })
  })
}
