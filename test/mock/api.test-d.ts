import { describe, expectTypeOf, test } from 'vitest'
import { createMockAccountApi, type MockFault, type MockRequest, type MockRoute, type MockServer } from 'kinde-account-sync/mock'

// The mock's public surface, as COMMON.md fixes it for the other modules' tests.
describe('mock API types', () => {
  test('factory and members', () => {
    const api = createMockAccountApi({ baseUrl: 'https://x.kinde.com', now: () => 0 })
    expectTypeOf(api.fetch).toEqualTypeOf<typeof globalThis.fetch>()
    expectTypeOf(api.baseUrl).toEqualTypeOf<string>()
    expectTypeOf(api.listen).returns.resolves.toEqualTypeOf<MockServer>()
    expectTypeOf(api.issueToken).parameter(1).toMatchTypeOf<{ orgCode?: string | null; expiresIn?: number; claims?: Record<string, unknown> } | undefined>()
    expectTypeOf(api.issueToken).returns.resolves.toEqualTypeOf<string>()
    expectTypeOf(api.requests).toEqualTypeOf<MockRequest[]>()
    expectTypeOf(api.fault).parameter(0).toEqualTypeOf<MockRoute | '*'>()
    expectTypeOf(api.fault).returns.toEqualTypeOf<string>()
    expectTypeOf(api.revokeToken).parameter(0).toEqualTypeOf<string>()
  })

  test('faults', () => {
    expectTypeOf<{ status: 429; rateLimitReset: 3; retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' }>().toMatchTypeOf<MockFault>()
    expectTypeOf<{ status: 503; body: { errors: [] } }>().toMatchTypeOf<MockFault>()
    expectTypeOf<{ latency: 100 }>().toMatchTypeOf<MockFault>()
    expectTypeOf<{ hang: true }>().toMatchTypeOf<MockFault>()
    expectTypeOf<{ malformed: true }>().toMatchTypeOf<MockFault>()
    expectTypeOf<{ body: 'x' }>().toMatchTypeOf<MockFault>()
    expectTypeOf<{ hang: false }>().not.toMatchTypeOf<MockFault>()
  })

  test('mutations take org scope where data is per org', () => {
    const api = createMockAccountApi()
    api.setFlag('kp_alice', 'beta', true, { orgCode: 'org_globex', type: 'boolean' })
    api.setEntitlements('kp_alice', [{ feature_key: 'seats', entitlement_limit_max: 3 }], { orgCode: 'org_acme' })
    // @ts-expect-error properties belong to the user, not an org
    api.setProperty('kp_alice', 'k', 'v', { orgCode: 'org_acme' })
  })
})
