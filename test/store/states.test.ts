// Every row of the state table (ARCHITECTURE.md, "State table"), against the mock.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createMemoryEngine } from 'kinde-account-sync'
import { advance, allReady, countRequests, flush, makeStore, setup, until, useFakeTime } from './helpers'
import { createMockAccountApi } from 'kinde-account-sync/mock'

beforeEach(useFakeTime)
afterEach(() => { vi.restoreAllMocks(); vi.useRealTimers() })

const cleared = { status: 'idle', data: undefined, error: undefined, fetching: false, source: undefined, updatedAt: undefined, stale: false }

describe('signed out', () => {
  test('no token: every resource is idle with all fields cleared and nothing is requested', async () => {
    const { api, store } = await setup({ token: null })
    await advance(1000)
    expect(store.profile.get()).toEqual(cleared)
    expect(store.$session.get().status).toBe('signed-out')
    expect(countRequests(api)).toBe(0)
    store.destroy()
  })

  test('after signOut: idle with all fields cleared, even with data before', async () => {
    const { store } = await setup()
    await until(() => allReady(store), 'ready')
    await store.signOut({ revoke: false })
    expect(store.permissions.get()).toEqual(cleared)
    expect(store.$session.get()).toMatchObject({ status: 'signed-out', userId: null })
    store.destroy()
  })
})

describe('signed in', () => {
  test('nothing persisted: loading and fetching until the response, then ready from the network', async () => {
    const { store } = await setup()
    expect(store.roles.get()).toMatchObject({ status: 'loading', fetching: true, data: undefined })
    await until(() => allReady(store), 'ready')
    expect(store.roles.get()).toMatchObject({ status: 'ready', source: 'network', stale: false, error: undefined, fetching: false })
    expect(store.roles.get().updatedAt).toBe(Date.now())
    expect(store.roles.get().data?.roles.length).toBeGreaterThan(0)
    store.destroy()
  })

  test('persisted data found: ready from cache, stale and fetching, then revalidated', async () => {
    const api = createMockAccountApi({ now: () => Date.now() })
    const token = await api.issueToken('kp_alice')
    const engine = createMemoryEngine()
    const first = makeStore({ token, fetch: api.fetch, persist: { engine }, crossTab: false })
    await until(() => allReady(first), 'first ready')
    await advance(100) // batched writes land
    first.destroy()
    api.fault('*', { latency: 5000 })
    const second = makeStore({ token, fetch: api.fetch, persist: { engine }, crossTab: false })
    await until(() => second.permissions.get().source === 'cache', 'hydrated')
    expect(second.permissions.get()).toMatchObject({ status: 'ready', source: 'cache', stale: true, fetching: true })
    api.clearFaults()
    await until(() => second.permissions.get().source === 'network', 'revalidated')
    expect(second.permissions.get()).toMatchObject({ status: 'ready', stale: false, fetching: false })
    second.destroy()
  })
})

describe('failures', () => {
  test('5xx with retries left: loading with the error and still fetching; used up: error, not fetching', async () => {
    const api = createMockAccountApi({ now: () => Date.now() })
    api.fault('roles', { status: 503 })
    const token = await api.issueToken('kp_alice')
    const store = makeStore({ token, fetch: api.fetch, persist: false, crossTab: false, resources: ['roles'], retry: { attempts: 2 } })
    await until(() => store.roles.get().error !== undefined, 'first failure')
    expect(store.roles.get()).toMatchObject({ status: 'loading', fetching: true })
    expect(store.roles.get().error?.kind).toBe('server')
    await until(() => !store.roles.get().fetching, 'retries used up', 200_000)
    expect(store.roles.get()).toMatchObject({ status: 'error', fetching: false, data: undefined })
    expect(countRequests(api, 'roles')).toBe(3) // the first try and 2 retries
    store.destroy()
  })

  test('5xx with data: ready with the error beside the data, data kept after retries', async () => {
    const { api, store } = await setup({ resources: ['roles'], retry: { attempts: 1 } })
    await until(() => store.roles.get().status === 'ready', 'ready')
    const data = store.roles.get().data
    api.fault('roles', { status: 500 })
    const done = store.roles.refresh()
    await until(() => store.roles.get().error !== undefined, 'failure')
    expect(store.roles.get()).toMatchObject({ status: 'ready', fetching: true, data })
    await advance(5000)
    const final = await done
    expect(final).toMatchObject({ status: 'ready', fetching: false, data, stale: false })
    expect(final.error?.kind).toBe('server')
    store.destroy()
  })

  test('429: error rate_limited, not fetching during the cool-down, then fetches again by itself', async () => {
    const api = createMockAccountApi({ now: () => Date.now() })
    const id = api.fault('permissions', { status: 429, rateLimitReset: 3 })
    const token = await api.issueToken('kp_alice')
    const store = makeStore({ token, fetch: api.fetch, persist: false, crossTab: false, resources: ['permissions'] })
    await until(() => store.permissions.get().error !== undefined, '429')
    expect(store.permissions.get()).toMatchObject({ status: 'error', fetching: false })
    expect(store.permissions.get().error?.kind).toBe('rate_limited')
    expect(store.$session.get().rateLimitedUntil).toBe(Date.now() + 3000)
    api.clearFault(id)
    await advance(2900)
    expect(countRequests(api, 'permissions')).toBe(1)
    await until(() => store.permissions.get().status === 'ready', 'resumed')
    expect(countRequests(api, 'permissions')).toBe(2)
    expect(store.$session.get().rateLimitedUntil).toBeNull()
    store.destroy()
  })

  test('unauthorized: error unauthorized with data kept, and polling stops', async () => {
    const { api, store, token } = await setup({ resources: ['roles'], refreshInterval: 60_000 })
    await until(() => store.roles.get().status === 'ready', 'ready')
    const data = store.roles.get().data
    api.revokeToken(token)
    await advance(60_000, 1000)
    await until(() => store.roles.get().error !== undefined, 'unauthorized')
    expect(store.roles.get()).toMatchObject({ status: 'ready', data, fetching: false })
    expect(store.roles.get().error?.kind).toBe('unauthorized')
    const before = countRequests(api, 'roles')
    await advance(300_000, 5000)
    expect(countRequests(api, 'roles')).toBe(before)
    store.destroy()
  })

  test('unauthorized without data: status error', async () => {
    const api = createMockAccountApi({ now: () => Date.now() })
    const token = await api.issueToken('kp_alice')
    api.revokeToken(token)
    const store = makeStore({ token, fetch: api.fetch, persist: false, crossTab: false, resources: ['profile'] })
    await until(() => store.profile.get().error !== undefined, 'unauthorized')
    expect(store.profile.get()).toMatchObject({ status: 'error', fetching: false })
    expect(store.profile.get().error?.kind).toBe('unauthorized')
    store.destroy()
  })

  test('invalid response: error invalid_response, previous data kept, no retry', async () => {
    const { api, store } = await setup({ resources: ['featureFlags'] })
    await until(() => store.featureFlags.get().status === 'ready', 'ready')
    const data = store.featureFlags.get().data
    api.fault('featureFlags', { malformed: true })
    const state = await store.featureFlags.refresh()
    expect(state).toMatchObject({ status: 'ready', data, fetching: false })
    expect(state.error?.kind).toBe('invalid_response')
    expect(countRequests(api, 'featureFlags')).toBe(2)
    store.destroy()
  })

  test('invalid response without data: status error', async () => {
    const api = createMockAccountApi({ now: () => Date.now() })
    api.fault('featureFlags', { body: { data: { feature_flags: [{ value: 1 }] } } })
    const token = await api.issueToken('kp_alice')
    const store = makeStore({ token, fetch: api.fetch, persist: false, crossTab: false, resources: ['featureFlags'] })
    await until(() => !store.featureFlags.get().fetching && store.featureFlags.get().error !== undefined, 'failure')
    expect(store.featureFlags.get().status).toBe('error')
    expect(store.featureFlags.get().error?.kind).toBe('invalid_response')
    store.destroy()
  })
})

describe('offline and hidden', () => {
  test('offline: no attempt starts and fields stay unchanged; refresh resolves at once', async () => {
    const { api, store } = await setup({ resources: ['roles'], refreshInterval: 60_000 })
    await until(() => store.roles.get().status === 'ready', 'ready')
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    window.dispatchEvent(new Event('offline'))
    const before = store.roles.get()
    const count = countRequests(api)
    expect(await store.roles.refresh()).toBe(before)
    await advance(180_000, 5000)
    const after = store.roles.get()
    // only the age-based `stale` flag may move; no attempt starts
    expect({ ...after, stale: before.stale }).toEqual(before)
    expect(after.data).toBe(before.data)
    expect(countRequests(api)).toBe(count)
    expect(store.$session.get().online).toBe(false)
    onLine.mockRestore()
    store.destroy()
  })

  test('hidden: interval ticks do not fetch', async () => {
    const { api, store } = await setup({ resources: ['roles'], refreshInterval: 60_000 })
    await until(() => store.roles.get().status === 'ready', 'ready')
    const vis = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
    document.dispatchEvent(new Event('visibilitychange'))
    const count = countRequests(api)
    await advance(180_000, 5000)
    expect(countRequests(api)).toBe(count)
    expect(store.roles.get().stale).toBe(true) // older than refreshInterval
    vis.mockRestore()
    store.destroy()
  })
})

describe('identity switch', () => {
  test('drops to loading at once and shows nothing of the old identity', async () => {
    const { api, store } = await setup()
    await until(() => allReady(store), 'alice ready')
    const bob = await api.issueToken('kp_bob')
    store.setToken(bob)
    for (const n of ['profile', 'permissions', 'roles', 'featureFlags', 'properties', 'entitlements'] as const) {
      expect(store[n].get()).toMatchObject({ status: 'loading', data: undefined, error: undefined, source: undefined })
    }
    await until(() => allReady(store), 'bob ready')
    expect(store.profile.get().data?.id).toBe('kp_bob')
    expect(store.$session.get().userId).toBe('kp_bob')
    store.destroy()
  })
})
