// happy-dom's fetch enforces CORS (origin http://localhost:3000): it refuses answers without
// Access-Control-Allow-Origin (it does not check allow-/expose-headers; server.test.ts asserts
// those headers directly). Store and client tests that go over HTTP in happy-dom rely on this.
import { afterEach, describe, expect, test } from 'vitest'
import { createMockAccountApi, type MockServer } from 'kinde-account-sync/mock'

let server: MockServer | undefined
afterEach(async () => { await server?.close() })

describe('mock server from a page (happy-dom)', () => {
  test('a cross-origin GET with Authorization is readable', async () => {
    const api = createMockAccountApi()
    server = await api.listen()
    const token = await api.issueToken('kp_bob')
    const response = await fetch(`${server.url}/account_api/v1/roles`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, credentials: 'omit',
    })
    expect(response.status).toBe(200)
    expect((await response.json()).data.org_code).toBe('org_acme')
    expect(api.requests.map((r) => r.method)).toEqual(['GET'])
  })

  test('a cross-origin 429 is readable with both rate-limit headers', async () => {
    const api = createMockAccountApi()
    server = await api.listen()
    api.fault('permissions', { status: 429, rateLimitReset: 12, retryAfter: 10 })
    const response = await fetch(`${server.url}/account_api/v1/permissions`, {
      headers: { Authorization: `Bearer ${await api.issueToken('kp_bob')}` },
    })
    expect(response.status).toBe(429)
    expect(response.headers.get('RateLimit-Reset')).toBe('12')
    expect(response.headers.get('Retry-After')).toBe('10')
  })

  test('a form POST to introspect works cross-origin', async () => {
    const api = createMockAccountApi()
    server = await api.listen()
    const token = await api.issueToken('kp_alice')
    const response = await fetch(`${server.url}/oauth2/introspect`, {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token }).toString(),
    })
    expect(await response.json()).toMatchObject({ active: true, client_id: 'mock_client_id' })
  })
})
