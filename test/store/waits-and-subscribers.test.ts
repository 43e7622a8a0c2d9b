// ARCHITECTURE.md, rules 7, 11, 15 and 16: unauthorized without data, bounded waits, subscribers
// that throw, freed derived values; and the expiry check at the moment each page leaves.
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import type { ResourceState } from 'kinde-account-sync'
import { advance, countRequests, flush, makeStore, until, useFakeTime } from './helpers'

vi.setConfig({ testTimeout: 30_000 })
beforeEach(useFakeTime)
afterEach(() => { vi.restoreAllMocks(); vi.unstubAllGlobals(); vi.useRealTimers() })

const base = { persist: false as const, crossTab: false }
const neverLoadingIdle = (seen: ResourceState<unknown>[]) =>
  expect(seen.filter((s) => s.status === 'loading' && !s.fetching)).toEqual([])

test('unauthorized without data is error with fetching false, also after refresh(), ticks and a 429 then a 403', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  api.fault('roles', { status: 429, retryAfter: 2 }, { times: 1 })
  api.fault('roles', { status: 403 })
  const store = makeStore({ ...base, token: await api.issueToken('kp_alice'), fetch: api.fetch, resources: ['roles'], refreshInterval: 10_000 })
  const seen: ResourceState<unknown>[] = []
  store.roles.$state.subscribe((s) => seen.push(s))
  await until(() => store.roles.get().error?.kind === 'unauthorized', 'unauthorized')
  expect(store.roles.get()).toMatchObject({ status: 'error', fetching: false })
  await store.refresh()
  await store.roles.refresh()
  await advance(25_000, 1000)
  expect(store.roles.get()).toMatchObject({ status: 'error', fetching: false, error: { kind: 'unauthorized' } })
  neverLoadingIdle(seen)
  store.destroy()
})

test('an expired token never leaves on page 2 of a read that waited out a cool-down', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  api.fault('profile', { status: 429, retryAfter: 60 }, { times: 1 })
  api.fault('roles', { latency: 200 }, { times: 1 }) // page 1 comes back after the 429 landed
  const store = makeStore({ ...base, token: await api.issueToken('kp_alice', { expiresIn: 30 }), fetch: api.fetch,
    resources: ['profile', 'roles'], pageSize: 1 })
  await until(() => store.$session.get().rateLimitedUntil !== null, 'cool-down')
  await advance(70_000, 1000)
  expect(api.requests.filter((r) => r.route === 'roles' && r.at > Date.now() - 45_000)).toEqual([])
  expect(store.roles.get().error?.kind).toBe('unauthorized')
  store.destroy()
})

test('time spent waiting out a cool-down does not count against the request timeout', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  api.fault('profile', { status: 429, retryAfter: 20 }, { times: 1 })
  api.fault('roles', { latency: 200 }, { times: 1 })
  const store = makeStore({ ...base, token: await api.issueToken('kp_alice'), fetch: api.fetch,
    resources: ['profile', 'roles'], pageSize: 1, timeout: 5000, retry: { attempts: 0 } })
  await until(() => store.$session.get().rateLimitedUntil !== null, 'cool-down')
  await advance(30_000, 500)
  await until(() => store.roles.get().status === 'ready' && !store.roles.get().fetching, 'roles')
  expect(store.roles.get().error).toBeUndefined()
  store.destroy()
})

test('a 30-day Retry-After is capped at 24 h and really waits, with no overflowing timer', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  api.fault('profile', { status: 429, retryAfter: 30 * 86_400 }, { times: 1 })
  const spy = vi.spyOn(globalThis, 'setTimeout')
  const store = makeStore({ ...base, token: await api.issueToken('kp_alice', { expiresIn: 2 * 86_400 }), fetch: api.fetch,
    resources: ['profile'], refreshInterval: false })
  await until(() => store.$session.get().rateLimitedUntil !== null, 'cool-down')
  const wait = store.$session.get().rateLimitedUntil! - Date.now()
  expect(wait).toBeLessThanOrEqual(86_400_000)
  expect(wait).toBeGreaterThan(86_000_000)
  expect(spy.mock.calls.filter(([, ms]) => (ms ?? 0) > 2 ** 31 - 1)).toEqual([])
  api.clearRequests()
  await advance(80_000_000, 10_000_000)
  expect(countRequests(api)).toBe(0)
  await advance(7_000_000, 1_000_000)
  await until(() => store.profile.get().status === 'ready', 'after the cool-down')
  store.destroy()
})

test('signOut() during a cool-down resolves without waiting for it', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  api.fault('profile', { status: 429, retryAfter: 600 }, { times: 1 })
  const store = makeStore({ ...base, token: await api.issueToken('kp_alice'), fetch: api.fetch, resources: ['profile'] })
  await until(() => store.$session.get().rateLimitedUntil !== null, 'cool-down')
  let done = false
  void store.signOut({ clientId: 'client' }).then(() => { done = true })
  await advance(1000)
  expect(done).toBe(true)
  expect(store.$session.get().status).toBe('signed-out')
  expect(countRequests(api, 'revoke')).toBe(0)
  await advance(600_000, 10_000) // the revoke goes once the cool-down is over
  expect(countRequests(api, 'revoke')).toBe(1)
  store.destroy()
})

test('a revoke still waiting out a cool-down is dropped by destroy(): nothing leaves a destroyed store', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  api.fault('profile', { status: 429, retryAfter: 600 }, { times: 1 })
  const store = makeStore({ ...base, token: await api.issueToken('kp_alice'), fetch: api.fetch, resources: ['profile'] })
  await until(() => store.$session.get().rateLimitedUntil !== null, 'cool-down')
  await store.signOut({ clientId: 'client' })
  store.destroy() // releases the cool-down's waiters
  await advance(600_000, 10_000)
  expect(countRequests(api, 'revoke')).toBe(0)
})

test('a subscriber that throws is reported and changes no state and sends no request', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const reported: unknown[] = []
  vi.stubGlobal('reportError', (e: unknown) => reported.push(e))
  const store = makeStore({ ...base, token: await api.issueToken('kp_alice'), fetch: api.fetch, resources: ['roles'] })
  store.roles.$state.listen(() => { throw new Error('a broken subscriber') })
  store.hasRole('admin').$value.listen(() => { throw new Error('another') })
  await until(() => store.roles.get().status === 'ready' && !store.roles.get().fetching, 'ready')
  await advance(1000)
  expect(store.roles.get().error).toBeUndefined()
  expect(countRequests(api, 'roles')).toBe(1)
  expect(reported.length).toBeGreaterThan(0)
  expect((reported[0] as Error).message).toBe('a broken subscriber')
  store.destroy()
})

test('without reportError, a throwing subscriber goes to console.error', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  vi.stubGlobal('reportError', undefined)
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
  const store = makeStore({ ...base, token: await api.issueToken('kp_alice'), fetch: api.fetch, resources: ['roles'] })
  store.roles.$state.listen(() => { throw new Error('a broken subscriber') })
  await until(() => store.roles.get().status === 'ready' && !store.roles.get().fetching, 'ready')
  expect(errors).toHaveBeenCalled()
  store.destroy()
})

test('several subscribers that throw in one change are each reported (nanostores itself rethrows only the last)', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const reported: unknown[] = []
  vi.stubGlobal('reportError', (error: unknown) => { reported.push(error) })
  const store = makeStore({ ...base, token: await api.issueToken('kp_alice'), fetch: api.fetch, resources: ['roles'] })
  const thrown: Error[] = []
  const thrower = (name: string) => () => { const e = new Error(name); thrown.push(e); throw e }
  store.roles.$state.listen(thrower('roles'))
  store.hasRole('admin').$value.listen(thrower('derived'))
  store.$session.listen(thrower('session'))
  await until(() => store.roles.get().status === 'ready' && !store.roles.get().fetching, 'ready')
  store.setToken(null) // one switch: every atom changes together
  expect(thrown.length).toBeGreaterThan(2)
  for (const error of thrown) expect(reported).toContain(error)
  store.destroy()
})

test('rule 11: a memoised derived value is freed after its last subscriber leaves', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const store = makeStore({ ...base, token: await api.issueToken('kp_alice'), fetch: api.fetch, resources: ['roles'] })
  const first = store.hasRole('admin')
  const stop = first.$value.listen(() => {})
  expect(store.hasRole('admin')).toBe(first)
  stop()
  await advance(2000)
  expect(store.hasRole('admin')).not.toBe(first)
  store.destroy()
})
