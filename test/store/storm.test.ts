// The 429 storm of issue 3: six resources, RateLimit-Reset: 2. Counts requests, never times.
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { advance, allReady, flush, makeStore, until, useFakeTime } from './helpers'

beforeEach(useFakeTime)
afterEach(() => { vi.useRealTimers() })

test('after the first 429 nothing reaches the API until the cool-down ends; all six recover on the first try', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const storm = api.fault('*', { status: 429, rateLimitReset: 2 })
  const store = makeStore({ token: await api.issueToken('kp_alice'), fetch: api.fetch, persist: false, crossTab: false })
  // the first burst: six requests, already in flight when the first 429 arrives
  await until(() => api.requests.length === 6 && api.requests.every((r) => r.status === 429), 'the burst')
  const cooldownEnd = store.$session.get().rateLimitedUntil
  expect(cooldownEnd).not.toBeNull()
  api.clearFault(storm) // the API would answer now, but the store must wait
  await advance(1900, 100)
  expect(api.requests.length).toBe(6)
  for (const n of ['profile', 'permissions', 'roles', 'featureFlags', 'properties', 'entitlements'] as const) {
    expect(store[n].get()).toMatchObject({ status: 'error', fetching: false })
    expect(store[n].get().error?.kind).toBe('rate_limited')
  }
  await until(() => allReady(store), 'recovered')
  expect(api.requests.length).toBe(12)
  expect(api.requests.slice(6).every((r) => r.status === 200 && r.at >= cooldownEnd!)).toBe(true)
  expect(store.$session.get().rateLimitedUntil).toBeNull()
  store.destroy()
})

test('refresh() during a cool-down waits for its end, then fetches once', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  api.fault('roles', { status: 429, rateLimitReset: 2 }, { times: 1 })
  const store = makeStore({ token: await api.issueToken('kp_alice'), fetch: api.fetch, persist: false, crossTab: false, resources: ['roles', 'profile'] })
  await until(() => store.roles.get().error?.kind === 'rate_limited', '429')
  await flush()
  const before = api.requests.length
  let done = false
  void store.refresh().then(() => { done = true })
  await advance(1000)
  expect(api.requests.length).toBe(before)
  expect(done).toBe(false)
  await until(() => done, 'refresh settled')
  expect(store.roles.get().status).toBe('ready')
  expect(store.profile.get().status).toBe('ready')
  expect(api.requests.filter((r) => r.route === 'roles').length).toBe(2)
  store.destroy()
})
