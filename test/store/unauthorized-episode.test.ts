// Rule 7 / "Tokens": a 401/403 answering a request sent with an older token is not a new episode.
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { advance, allReady, makeStore, until, useFakeTime } from './helpers'

beforeEach(useFakeTime)
afterEach(() => { vi.restoreAllMocks(); vi.useRealTimers() })

test('a late 403 for the revoked token neither pauses the fresh token nor calls onUnauthorized again', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const stale = await api.issueToken('kp_alice')
  const fresh = await api.issueToken('kp_alice')
  api.revokeToken(stale)
  let current = stale
  const onUnauthorized = vi.fn(() => { current = fresh })
  api.fault('roles', { latency: 2000 }, { times: 1 }) // roles' 403 for the stale token lands late
  const store = makeStore({ token: () => current, fetch: api.fetch, persist: false, crossTab: false, onUnauthorized })
  await advance(3000)
  await until(() => allReady(store) && store.roles.get().error === undefined, 'recovered with the fresh token')
  expect(onUnauthorized).toHaveBeenCalledTimes(1)
  expect(store.$session.get().status).toBe('signed-in')
  store.destroy()
})

test('while paused by an unauthorized token, interval ticks still re-read a function source and resume on a new token', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const stale = await api.issueToken('kp_alice')
  const fresh = await api.issueToken('kp_alice')
  api.revokeToken(stale)
  let current = stale
  const store = makeStore({ token: () => current, fetch: api.fetch, persist: false, crossTab: false, resources: ['roles'], refreshInterval: 60_000 })
  await until(() => store.roles.get().error?.kind === 'unauthorized', 'unauthorized')
  current = fresh // the SDK refreshed its session on its own; nobody calls refresh()
  await advance(61_000, 1000)
  await until(() => store.roles.get().status === 'ready' && store.roles.get().error === undefined, 'resumed on the interval')
  store.destroy()
})

test('a getPortalLink refused for a token replaced meanwhile does not pause the new token', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const stale = await api.issueToken('kp_alice')
  const fresh = await api.issueToken('kp_alice')
  const onUnauthorized = vi.fn()
  const store = makeStore({ token: stale, fetch: api.fetch, persist: false, crossTab: false, resources: ['roles'], onUnauthorized, refreshInterval: false })
  await until(() => store.roles.get().status === 'ready', 'ready')
  api.revokeToken(stale)
  api.fault('portalLink', { latency: 1000 }, { times: 1 })
  const link = store.getPortalLink().catch((e: unknown) => e)
  await advance(100)
  store.setToken(fresh)
  await advance(1500)
  expect(await link).toMatchObject({ kind: 'unauthorized' })
  expect(onUnauthorized).not.toHaveBeenCalled()
  expect(store.$session.get().status).toBe('signed-in')
  expect((await store.roles.refresh()).error).toBeUndefined()
  store.destroy()
})
