import { describe, expect, test } from 'vitest'
import { createAccountClient } from 'kinde-account-sync'
import { ISS, json, stubFetch, text, TOKEN } from './stub'

/** A client whose fetch answers `body` on every request. */
function clientAnswering(body: unknown | ((path: string) => Response)) {
  const stub = stubFetch((req) => (typeof body === 'function' ? (body as (p: string) => Response)(req.url.pathname) : json(body)))
  return { client: createAccountClient({ token: TOKEN, fetch: stub.fetch }), calls: stub.calls }
}

describe('each operation sends the documented request and maps the answer', () => {
  test('getUserProfile: GET /oauth2/v2/user_profile', async () => {
    const { client, calls } = clientAnswering({
      id: 'kp_alice', sub: 'kp_alice', provided_id: 'ext_1', name: 'Alice Liddell', given_name: 'Alice',
      family_name: 'Liddell', email: 'alice@example.com', email_verified: true, picture: null,
      preferred_username: 'alice', updated_at: 1_700_000_000,
    })
    await expect(client.getUserProfile()).resolves.toEqual({
      id: 'kp_alice', sub: 'kp_alice', providedId: 'ext_1', name: 'Alice Liddell', givenName: 'Alice',
      familyName: 'Liddell', email: 'alice@example.com', emailVerified: true, picture: null,
      preferredUsername: 'alice', updatedAt: 1_700_000_000,
    })
    expect(calls[0]!.method).toBe('GET')
    expect(calls[0]!.url.href).toBe(`${ISS}/oauth2/v2/user_profile`)
  })

  test('getPermissions: GET /account_api/v1/permissions with page_size', async () => {
    const { client, calls } = clientAnswering({
      data: { org_code: 'org_a', permissions: [{ id: 'perm_1', key: 'read:reports', name: 'Read reports' }] },
      metadata: { has_more: false, next_page_starting_after: 'perm_1' },
    })
    await expect(client.getPermissions()).resolves.toEqual({
      orgCode: 'org_a', permissions: [{ id: 'perm_1', key: 'read:reports', name: 'Read reports' }],
    })
    expect(calls[0]!.url.pathname).toBe('/account_api/v1/permissions')
    expect(calls[0]!.url.searchParams.get('page_size')).toBe('100')
    expect(calls[0]!.url.searchParams.has('starting_after')).toBe(false)
  })

  test('getRoles: GET /account_api/v1/roles', async () => {
    const { client, calls } = clientAnswering({ data: { org_code: 'org_a', roles: [{ id: 'role_1', key: 'admin', name: 'Admin' }] } })
    await expect(client.getRoles()).resolves.toEqual({ orgCode: 'org_a', roles: [{ id: 'role_1', key: 'admin', name: 'Admin' }] })
    expect(calls[0]!.url.pathname).toBe('/account_api/v1/roles')
  })

  test('getFeatureFlags: GET /account_api/v1/feature_flags; values are never renamed', async () => {
    const { client, calls } = clientAnswering({
      data: {
        feature_flags: [
          { id: 'flag_1', key: 'dark_mode', name: 'Dark mode', type: 'boolean', value: true },
          { id: 'flag_2', key: 'theme_config', name: 'Theme', type: 'object', value: { primary_color: '#fff', nested_obj: { a_b: 1 } } },
          { id: 'flag_3', key: 'max_seats', name: 'Seats', type: 'integer', value: 5 },
          { id: 'flag_4', key: 'tagline', name: null, type: 'string', value: 'hi' },
        ],
      },
    })
    const data = await client.getFeatureFlags()
    expect(data.featureFlags).toEqual([
      { id: 'flag_1', key: 'dark_mode', name: 'Dark mode', type: 'boolean', value: true },
      { id: 'flag_2', key: 'theme_config', name: 'Theme', type: 'object', value: { primary_color: '#fff', nested_obj: { a_b: 1 } } },
      { id: 'flag_3', key: 'max_seats', name: 'Seats', type: 'integer', value: 5 },
      { id: 'flag_4', key: 'tagline', name: null, type: 'string', value: 'hi' },
    ])
    expect(calls[0]!.url.pathname).toBe('/account_api/v1/feature_flags')
  })

  test('getProperties: GET /account_api/v1/properties', async () => {
    const { client, calls } = clientAnswering({
      data: { properties: [{ id: 'prop_1', key: 'kp_usr_city', name: 'City', value: 'Sydney' }, { id: 'prop_2', key: 'is_vip', name: 'VIP', value: false }] },
    })
    await expect(client.getProperties()).resolves.toEqual({
      properties: [{ id: 'prop_1', key: 'kp_usr_city', name: 'City', value: 'Sydney' }, { id: 'prop_2', key: 'is_vip', name: 'VIP', value: false }],
    })
    expect(calls[0]!.url.pathname).toBe('/account_api/v1/properties')
  })

  const wireEntitlement = {
    id: 'entitlement_1', fixed_charge: 35, price_name: 'Pro gym', unit_amount: null, feature_key: 'base_price',
    feature_name: 'Pro Gym', entitlement_limit_max: 10, entitlement_limit_min: null,
  }
  const entitlement = {
    id: 'entitlement_1', fixedCharge: 35, priceName: 'Pro gym', unitAmount: null, featureKey: 'base_price',
    featureName: 'Pro Gym', entitlementLimitMax: 10, entitlementLimitMin: null,
  }

  test('getEntitlements: GET /account_api/v1/entitlements', async () => {
    const { client, calls } = clientAnswering({
      data: { org_code: 'org_a', plans: [{ key: 'pro', name: 'Pro', subscribed_on: '2025-06-01T12:00:00Z' }], entitlements: [wireEntitlement] },
      metadata: { has_more: false },
    })
    await expect(client.getEntitlements()).resolves.toEqual({
      orgCode: 'org_a', plans: [{ key: 'pro', name: 'Pro', subscribedOn: '2025-06-01T12:00:00Z' }], entitlements: [entitlement],
    })
    expect(calls[0]!.url.pathname).toBe('/account_api/v1/entitlements')
  })

  test('getEntitlement: GET /account_api/v1/entitlement/{key}, the key URL-encoded', async () => {
    const { client, calls } = clientAnswering({ data: { org_code: 'org_a', entitlement: wireEntitlement }, metadata: {} })
    await expect(client.getEntitlement('a/b c?d')).resolves.toEqual({ orgCode: 'org_a', entitlement })
    // one path segment: the slash, space and question mark stay inside it
    expect(calls[0]!.url.pathname).toBe('/account_api/v1/entitlement/a%2Fb%20c%3Fd')
    expect(calls[0]!.url.search).toBe('')
  })

  test('getPortalLink: GET /account_api/v1/portal_link with subnav and return_url', async () => {
    const { client, calls } = clientAnswering({ url: 'https://acme.kinde.com/portal_redirect?key=abc' })
    await expect(client.getPortalLink({ subnav: 'organization_members', returnUrl: 'https://app.example/settings?tab=1' }))
      .resolves.toEqual({ url: 'https://acme.kinde.com/portal_redirect?key=abc' })
    expect(calls[0]!.url.pathname).toBe('/account_api/v1/portal_link')
    expect(calls[0]!.url.searchParams.get('subnav')).toBe('organization_members')
    expect(calls[0]!.url.searchParams.get('return_url')).toBe('https://app.example/settings?tab=1')
  })

  test('getPortalLink without options sends no query', async () => {
    const { client, calls } = clientAnswering({ url: 'https://x' })
    await client.getPortalLink()
    expect(calls[0]!.url.search).toBe('')
  })

  test('introspect: form-encoded POST /oauth2/introspect with the current token by default', async () => {
    const { client, calls } = clientAnswering({ active: true, aud: ['https://api.example'], client_id: 'cid', exp: 2, iat: 1 })
    await expect(client.introspect()).resolves.toEqual({ active: true, aud: ['https://api.example'], clientId: 'cid', exp: 2, iat: 1 })
    const req = calls[0]!
    expect(req.method).toBe('POST')
    expect(req.url.href).toBe(`${ISS}/oauth2/introspect`)
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(Object.fromEntries(new URLSearchParams(req.body!))).toEqual({ token: TOKEN })
  })

  test('introspect another token with a type hint', async () => {
    const { client, calls } = clientAnswering({ active: false })
    await expect(client.introspect({ token: 'refresh-123', tokenTypeHint: 'refresh_token' }))
      .resolves.toEqual({ active: false, aud: [], clientId: null, exp: null, iat: null })
    expect(Object.fromEntries(new URLSearchParams(calls[0]!.body!))).toEqual({ token: 'refresh-123', token_type_hint: 'refresh_token' })
  })

  test('revoke: form-encoded POST /oauth2/revoke; 200 without a body resolves', async () => {
    const { client, calls } = clientAnswering(() => text('', 200))
    await expect(client.revoke({ clientId: 'cid', tokenTypeHint: 'access_token' })).resolves.toBeUndefined()
    const req = calls[0]!
    expect(req.method).toBe('POST')
    expect(req.url.href).toBe(`${ISS}/oauth2/revoke`)
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(Object.fromEntries(new URLSearchParams(req.body!))).toEqual({ client_id: 'cid', token: TOKEN, token_type_hint: 'access_token' })
  })

  test('revoke with a client secret and another token', async () => {
    const { client, calls } = clientAnswering(() => new Response(null, { status: 200 }))
    await client.revoke({ clientId: 'cid', clientSecret: 's3cret', token: 'other' })
    expect(Object.fromEntries(new URLSearchParams(calls[0]!.body!))).toEqual({ client_id: 'cid', token: 'other', client_secret: 's3cret' })
  })
})
