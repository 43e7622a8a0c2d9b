import { afterEach, describe, expect, test, vi } from 'vitest'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { get } from './helpers'

afterEach(() => { vi.useRealTimers() })

async function setup() {
  const api = createMockAccountApi()
  return { api, token: await api.issueToken('kp_alice') }
}

describe('mock fault injection', () => {
  test('429 with RateLimit-Reset and Retry-After, readable cross-origin', async () => {
    const { api, token } = await setup()
    api.fault('roles', { status: 429, rateLimitReset: 30, retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' }, { times: 1 })
    const { status, headers, body } = await get(api, '/account_api/v1/roles', token)
    expect(status).toBe(429)
    expect(headers.get('ratelimit-reset')).toBe('30')
    expect(headers.get('retry-after')).toBe('Wed, 21 Oct 2026 07:28:00 GMT')
    expect(headers.get('access-control-expose-headers')).toMatch(/RateLimit-Reset.*Retry-After/)
    expect(body.errors[0].code).toBe('too_many_requests')
    expect((await get(api, '/account_api/v1/roles', token)).status).toBe(200)
  })

  test('a 429 without header options sends neither header', async () => {
    const { api, token } = await setup()
    api.fault('permissions', { status: 429 })
    const { headers } = await get(api, '/account_api/v1/permissions', token)
    expect(headers.get('retry-after')).toBeNull()
    expect(headers.get('ratelimit-reset')).toBeNull()
  })

  test('any status with a given body, a string body as text', async () => {
    const { api, token } = await setup()
    api.fault('profile', { status: 503, body: { error: 'maintenance', error_description: 'back soon' } }, { times: 1 })
    api.fault('profile', { status: 502, body: '<html>Bad gateway</html>' }, { times: 1 })
    const first = await get(api, '/oauth2/v2/user_profile', token)
    expect(first.status).toBe(503)
    expect(first.body).toEqual({ error: 'maintenance', error_description: 'back soon' })
    const second = await get(api, '/oauth2/v2/user_profile', token)
    expect(second.status).toBe(502)
    expect(second.text).toBe('<html>Bad gateway</html>')
    expect((await get(api, '/oauth2/v2/user_profile', token)).status).toBe(200)
  })

  test('times counts requests; without times a fault lasts until cleared', async () => {
    const { api, token } = await setup()
    api.fault('properties', { status: 500 }, { times: 2 })
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await get(api, '/account_api/v1/properties', token)).status)
    expect(statuses).toEqual([500, 500, 200])
    const id = api.fault('properties', { status: 500 })
    for (let i = 0; i < 3; i++) expect((await get(api, '/account_api/v1/properties', token)).status).toBe(500)
    api.clearFault(id)
    expect((await get(api, '/account_api/v1/properties', token)).status).toBe(200)
  })

  test("'*' hits every route, a route's own fault wins, clearFaults removes all", async () => {
    const { api, token } = await setup()
    api.fault('*', { status: 500 })
    api.fault('roles', { status: 429 }, { times: 1 })
    expect((await get(api, '/account_api/v1/roles', token)).status).toBe(429)
    expect((await get(api, '/account_api/v1/roles', token)).status).toBe(500)
    expect((await get(api, '/account_api/v1/feature_flags', token)).status).toBe(500)
    api.clearFaults()
    expect((await get(api, '/account_api/v1/feature_flags', token)).status).toBe(200)
    expect(() => api.fault('nope' as never, { status: 500 })).toThrow(/unknown route/)
  })

  test('malformed: 200 with a JSON content type and a body that is not JSON', async () => {
    const { api, token } = await setup()
    api.fault('permissions', { malformed: true }, { times: 1 })
    const { status, headers, text } = await get(api, '/account_api/v1/permissions', token)
    expect(status).toBe(200)
    expect(headers.get('content-type')).toMatch(/application\/json/)
    expect(() => JSON.parse(text)).toThrow()
  })

  test('a wrong-shaped 200 body', async () => {
    const { api, token } = await setup()
    api.fault('featureFlags', { body: { data: { feature_flags: 'nope' } } }, { times: 1 })
    const { status, body } = await get(api, '/account_api/v1/feature_flags', token)
    expect(status).toBe(200)
    expect(body).toEqual({ data: { feature_flags: 'nope' } })
  })

  test('latency follows fake timers, then answers normally', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { api, token } = await setup()
    api.fault('roles', { latency: 5_000 }, { times: 1 })
    let status = 0
    const pending = get(api, '/account_api/v1/roles', token).then((r) => { status = r.status })
    await vi.advanceTimersByTimeAsync(4_900)
    expect(status).toBe(0)
    await vi.advanceTimersByTimeAsync(200)
    await pending
    expect(status).toBe(200)
  })

  test('latency stacks with an outcome fault', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { api, token } = await setup()
    api.fault('*', { latency: 1_000 }, { times: 1 })
    api.fault('roles', { status: 503 }, { times: 1 })
    const pending = get(api, '/account_api/v1/roles', token)
    await vi.advanceTimersByTimeAsync(1_000)
    expect((await pending).status).toBe(503)
  })

  test('a hang never answers; aborting the signal rejects like fetch', async () => {
    const { api, token } = await setup()
    api.fault('entitlements', { hang: true })
    const controller = new AbortController()
    const pending = api.fetch(`${api.baseUrl}/account_api/v1/entitlements`, {
      headers: { authorization: `Bearer ${token}` }, signal: controller.signal,
    })
    let settled = false
    pending.then(() => { settled = true }, () => { settled = true })
    await new Promise((r) => setTimeout(r, 20))
    expect(settled).toBe(false)
    controller.abort(new DOMException('Timed out', 'TimeoutError'))
    await expect(pending).rejects.toMatchObject({ name: 'TimeoutError' })
    expect(api.requests.at(-1)).toMatchObject({ route: 'entitlements', status: null })
  })

  test('an already-aborted signal rejects at once', async () => {
    const { api, token } = await setup()
    const pending = api.fetch(`${api.baseUrl}/account_api/v1/roles`, {
      headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.abort(),
    })
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })

  test('the request log records route, query, user and status but no token', async () => {
    const { api, token } = await setup()
    api.fault('roles', { status: 429 }, { times: 1 })
    await get(api, '/account_api/v1/roles?page_size=5', token)
    await get(api, '/account_api/v1/roles?page_size=5&token=secret-in-url', token)
    expect(api.requests).toEqual([
      { at: expect.any(Number), method: 'GET', path: '/account_api/v1/roles', route: 'roles', query: { page_size: '5' },
        userId: 'kp_alice', orgCode: 'org_acme', status: 429 },
      expect.objectContaining({ status: 200, query: { page_size: '5', token: '[redacted]' } }),
    ])
    expect(JSON.stringify(api.requests)).not.toContain(token.slice(-20))
    expect(JSON.stringify(api.requests)).not.toContain('secret-in-url')
    api.clearRequests()
    expect(api.requests).toEqual([])
  })
})
