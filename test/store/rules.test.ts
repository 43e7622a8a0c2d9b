// The numbered rules (ARCHITECTURE.md, "Rules"), as behaviour a user relies on.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import type { ResourceState, RolesData } from 'kinde-account-sync'
import { START, advance, allReady, countRequests, flush, makeStore, setup, until, useFakeTime } from './helpers'

beforeEach(useFakeTime)
afterEach(() => { vi.restoreAllMocks(); vi.useRealTimers() })

test('rule 1: a new token of the same user refetches every resource without a flash to loading', async () => {
  const { api, store } = await setup()
  await until(() => allReady(store), 'ready')
  const seen: string[] = []
  store.roles.$state.listen((s) => seen.push(s.status))
  api.clearRequests()
  await advance(1000)
  store.setToken(await api.issueToken('kp_alice'))
  await until(() => countRequests(api) === 6 && allReady(store), 'refetched')
  expect(new Set(api.requests.map((r) => r.route)).size).toBe(6)
  expect(seen).not.toContain('loading')
  expect(seen).not.toContain('idle')
  store.destroy()
})

describe('rule 2: a different user or org', () => {
  test('never applies a slow response of the previous user', async () => {
    const api = createMockAccountApi({ now: () => Date.now() })
    // The previous user's roles answer late, and the response is delivered even though the
    // store aborts (this fetch ignores the signal), so only the store's own check can drop it.
    api.fault('roles', { latency: 5000 }, { times: 1 })
    const deaf: typeof fetch = (input, init) => api.fetch(input, { ...init, signal: undefined })
    const store = makeStore({ token: await api.issueToken('kp_alice'), fetch: deaf, persist: false, crossTab: false })
    await until(() => store.profile.get().status === 'ready', 'alice profile')
    store.setToken(await api.issueToken('kp_bob'))
    const roles: Array<ResourceState<RolesData>> = []
    store.roles.$state.subscribe((s) => roles.push(s))
    await until(() => allReady(store), 'bob ready')
    await advance(6000) // alice's roles arrive now
    expect(store.roles.get().data).toBeDefined()
    expect(store.profile.get().data?.id).toBe('kp_bob')
    expect(api.requests.filter((r) => r.route === 'roles').map((r) => r.userId)).toEqual(['kp_alice', 'kp_bob'])
    // bob's answer is the only data ever shown for roles
    const bobRoles = store.roles.get().data
    for (const s of roles) expect(s.data === undefined || s.data === bobRoles).toBe(true)
    store.destroy()
  })

  test('aborts in-flight requests of the previous identity', async () => {
    const api = createMockAccountApi({ now: () => Date.now() })
    api.fault('*', { hang: true }, { times: 6 })
    const store = makeStore({ token: await api.issueToken('kp_alice'), fetch: api.fetch, persist: false, crossTab: false })
    await until(() => countRequests(api) === 6, 'hanging')
    store.setToken(await api.issueToken('kp_bob'))
    await until(() => allReady(store), 'bob ready')
    expect(store.profile.get().data?.id).toBe('kp_bob')
    // the hung requests ended by abort: none of alice's is still open
    expect(api.requests.filter((r) => r.userId === 'kp_alice' && r.status !== null)).toEqual([])
    store.destroy()
  })

  test('an org switch of the same user resets too', async () => {
    const api = createMockAccountApi({ now: () => Date.now() })
    const user = api.userIds().find((id) => api.orgCodes(id).length > 1)!
    const [first, second] = api.orgCodes(user)
    const store = makeStore({ token: await api.issueToken(user, { orgCode: first }), fetch: api.fetch, persist: false, crossTab: false })
    await until(() => allReady(store), 'first org')
    store.setToken(await api.issueToken(user, { orgCode: second }))
    expect(store.permissions.get().status).toBe('loading')
    await until(() => allReady(store), 'second org')
    expect(store.permissions.get().data?.orgCode).toBe(second)
    expect(store.$session.get().orgCode).toBe(second)
    store.destroy()
  })
})

test('rule 3: 1,000 subscribers share one request per resource', async () => {
  const { api, store } = await setup({ resources: ['permissions'] })
  const stops = Array.from({ length: 1000 }, () => store.permissions.$state.subscribe(() => {}))
  const more = Array.from({ length: 1000 }, () => store.permissions.state$.subscribe(() => {}))
  await Promise.all(Array.from({ length: 10 }, () => store.permissions.refresh()))
  await until(() => store.permissions.get().status === 'ready', 'ready')
  expect(countRequests(api, 'permissions')).toBe(1)
  stops.forEach((stop) => stop())
  more.forEach((s) => s.unsubscribe())
  store.destroy()
})

test('rule 4: a refresh returning equal data keeps the data reference and notifies no data change', async () => {
  const { store } = await setup({ resources: ['featureFlags'] })
  await until(() => store.featureFlags.get().status === 'ready', 'ready')
  const first = store.featureFlags.get()
  await advance(1000)
  const flag = store.flag('dark_mode', false)
  const flagChanges: unknown[] = []
  flag.$value.listen((v) => flagChanges.push(v))
  const next = await store.featureFlags.refresh()
  expect(next.data).toBe(first.data)
  expect(next.updatedAt).toBeGreaterThan(first.updatedAt!)
  expect(flagChanges).toEqual([])
  store.destroy()
})

test('rule 5: after a 429 nothing is sent until the cool-down ends, for every resource', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const id = api.fault('roles', { status: 429, rateLimitReset: 5 }, { times: 1 })
  const store = makeStore({ token: await api.issueToken('kp_alice'), fetch: api.fetch, persist: false, crossTab: false, resources: ['roles'] })
  await until(() => store.roles.get().error?.kind === 'rate_limited', '429')
  api.clearFault(id)
  const p = store.profile.refresh() // profile is not synced eagerly, but refresh obeys the gate
  const before = countRequests(api)
  await advance(4900)
  expect(countRequests(api)).toBe(before)
  expect(store.$session.get().rateLimitedUntil).not.toBeNull()
  await until(() => store.roles.get().status === 'ready', 'recovered')
  expect((await p).status).toBe('ready')
  store.destroy()
})

test('rule 5: a 429 without a header cools down with backoff starting near 1 s', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const id = api.fault('roles', { status: 429 })
  const store = makeStore({ token: await api.issueToken('kp_alice'), fetch: api.fetch, persist: false, crossTab: false, resources: ['roles'] })
  await until(() => store.roles.get().error?.kind === 'rate_limited', '429')
  const until1 = store.$session.get().rateLimitedUntil!
  expect(until1 - Date.now()).toBeGreaterThan(0)
  expect(until1 - Date.now()).toBeLessThanOrEqual(1000)
  api.clearFault(id)
  await until(() => store.roles.get().status === 'ready', 'recovered')
  store.destroy()
})

test('rule 6: network errors retry with backoff, then wait for the next trigger', async () => {
  let fail = true
  const api = createMockAccountApi({ now: () => Date.now() })
  const flaky: typeof fetch = (input, init) => (fail ? Promise.reject(new TypeError('Failed to fetch')) : api.fetch(input, init))
  const store = makeStore({ token: await api.issueToken('kp_alice'), fetch: flaky, persist: false, crossTab: false, resources: ['roles'], retry: { attempts: 3, baseDelay: 100, maxDelay: 1000 }, refreshInterval: false })
  const state = await (async () => { await until(() => store.roles.get().status === 'error', 'gave up'); return store.roles.get() })()
  expect(state.error?.kind).toBe('network')
  fail = false
  await advance(60_000, 1000)
  expect(store.roles.get().status).toBe('error') // no trigger: no new attempt
  expect((await store.roles.refresh()).status).toBe('ready')
  store.destroy()
})

test('rule 7: unauthorized calls onUnauthorized once per episode and resumes on a different token', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  let current = await api.issueToken('kp_alice')
  const stale = current
  api.revokeToken(current)
  const onUnauthorized = vi.fn(async () => { current = await api.issueToken('kp_alice') })
  const store = makeStore({ token: () => current, fetch: api.fetch, persist: false, crossTab: false, onUnauthorized })
  await until(() => allReady(store), 'recovered with the new token')
  expect(onUnauthorized).toHaveBeenCalledTimes(1)
  expect(current).not.toBe(stale)
  store.destroy()
})

test('rule 8: an invalid response never throws into a subscriber', async () => {
  const { api, store } = await setup({ resources: ['properties'] })
  await until(() => store.properties.get().status === 'ready', 'ready')
  api.fault('properties', { body: 'nonsense' })
  const seen = vi.fn()
  store.properties.state$.subscribe({ next: seen, error: () => { throw new Error('errored the stream') } })
  await store.properties.refresh()
  expect(store.properties.get().error?.kind).toBe('invalid_response')
  expect(store.properties.get().data).toBeDefined()
  store.destroy()
})

describe('rule 9: hidden or offline', () => {
  test('becoming visible refetches data older than 30 s, not fresher data', async () => {
    const { api, store } = await setup({ resources: ['roles'], refreshInterval: false })
    await until(() => store.roles.get().status === 'ready', 'ready')
    const vis = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
    document.dispatchEvent(new Event('visibilitychange'))
    await advance(10_000, 1000)
    vis.mockReturnValue('visible')
    document.dispatchEvent(new Event('visibilitychange'))
    await flush()
    expect(countRequests(api, 'roles')).toBe(1)
    vis.mockReturnValue('hidden')
    document.dispatchEvent(new Event('visibilitychange'))
    await advance(30_000, 1000)
    vis.mockReturnValue('visible')
    document.dispatchEvent(new Event('visibilitychange'))
    await until(() => countRequests(api, 'roles') === 2, 'refetch on focus')
    store.destroy()
  })

  test('coming back online refetches what is older than 30 s', async () => {
    const { api, store } = await setup({ resources: ['roles'], refreshInterval: 60_000 })
    await until(() => store.roles.get().status === 'ready', 'ready')
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    window.dispatchEvent(new Event('offline'))
    await advance(120_000, 5000)
    expect(countRequests(api, 'roles')).toBe(1)
    onLine.mockReturnValue(true)
    window.dispatchEvent(new Event('online'))
    await until(() => countRequests(api, 'roles') === 2, 'refetch on reconnect')
    expect(store.$session.get().online).toBe(true)
    store.destroy()
  })

  test('interval polling runs while visible and online', async () => {
    const { api, store } = await setup({ resources: ['roles'], refreshInterval: 60_000 })
    await until(() => store.roles.get().status === 'ready', 'ready')
    api.clearRequests()
    const t0 = Date.now()
    await advance(180_000, 5000)
    expect(countRequests(api, 'roles'), JSON.stringify([t0 - START, api.requests.map((r) => [r.at - t0, r.status])])).toBe(3) // one per interval, in any 3-minute window
    store.destroy()
  })
})

test('rule 10: no unhandled rejection from a store that fails everywhere', async () => {
  const unhandled = vi.fn()
  process.on('unhandledRejection', unhandled)
  const api = createMockAccountApi({ now: () => Date.now() })
  api.fault('*', { status: 500 })
  const store = makeStore({ token: async () => { throw new Error('no token for you') }, fetch: api.fetch, persist: false, crossTab: false, onUnauthorized: () => { throw new Error('boom') } })
  store.setToken(await api.issueToken('kp_alice'))
  void store.refresh()
  await advance(120_000, 1000)
  store.destroy()
  await flush()
  process.off('unhandledRejection', unhandled)
  expect(unhandled).not.toHaveBeenCalled()
})

describe('rule 11: lifetimes', () => {
  test('entitlement(key) syncs while subscribed and stops one second after the last leaves', async () => {
    const { api, store } = await setup({ resources: [], refreshInterval: 60_000 })
    const key = api.user('kp_alice').memberships[0]!.entitlements?.[0]?.feature_key ?? 'seats'
    const res = store.entitlement(key)
    expect(store.entitlement(key)).toBe(res)
    await advance(1000)
    expect(countRequests(api, 'entitlement')).toBe(0)
    const stop = res.$state.subscribe(() => {})
    await until(() => res.get().status !== 'loading', 'fetched')
    expect(countRequests(api, 'entitlement')).toBe(1)
    stop()
    await advance(900)
    const again = res.$state.subscribe(() => {}) // back within the second: still the same sync
    again()
    await advance(1100)
    await advance(300_000, 10_000)
    expect(countRequests(api, 'entitlement')).toBe(1)
    store.destroy()
  })

  test('the resources option decides what syncs eagerly', async () => {
    const { api, store } = await setup({ resources: ['profile', 'roles'] })
    await until(() => store.roles.get().status === 'ready' && store.profile.get().status === 'ready', 'ready')
    expect(new Set(api.requests.map((r) => r.route))).toEqual(new Set(['profile', 'roles']))
    expect(store.resource('roles')).toBe(store.roles)
    store.destroy()
  })
})
