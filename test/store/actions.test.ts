// Actions: portal link, introspect, sign-out (revoke), clearCache, destroy.
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { AccountApiError, createMemoryEngine } from 'kinde-account-sync'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { advance, allReady, countRequests, flush, makeStore, setup, until, useFakeTime } from './helpers'

beforeEach(useFakeTime)
afterEach(() => { vi.restoreAllMocks(); vi.useRealTimers() })

test('getPortalLink returns a URL and introspect the token state; neither is kept in state', async () => {
  const { store } = await setup({ resources: [] })
  const url = await store.getPortalLink({ subnav: 'profile', returnUrl: 'http://localhost:3000/back' })
  expect(url).toMatch(/^https?:\/\//)
  const info = await store.introspect()
  expect(info.active).toBe(true)
  store.destroy()
})

test('actions reject with a typed error when signed out', async () => {
  const { store } = await setup({ token: null })
  await expect(store.getPortalLink()).rejects.toBeInstanceOf(AccountApiError)
  await expect(store.introspect()).rejects.toMatchObject({ kind: 'unauthorized' })
  store.destroy()
})

test('signOut revokes with the client id, resets state and wipes only this user from storage', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const engine = createMemoryEngine()
  const bobStore = makeStore({ token: await api.issueToken('kp_bob'), fetch: api.fetch, persist: { engine }, crossTab: false })
  await until(() => allReady(bobStore), 'bob')
  await advance(100)
  bobStore.destroy()
  const token = await api.issueToken('kp_alice')
  const store = makeStore({ token, fetch: api.fetch, persist: { engine }, crossTab: false })
  await until(() => allReady(store), 'alice')
  await advance(100)
  const p = store.signOut({ clientId: 'mock_client_id' })
  expect(store.profile.get().status).toBe('idle')
  await advance(100)
  await p
  expect(api.requests.some((r) => r.route === 'revoke')).toBe(true)
  const keys = await engine.keys()
  expect(keys.some((k) => k.includes('kp_alice'))).toBe(false)
  expect(keys.some((k) => k.includes('kp_bob'))).toBe(true)
  await store.clearCache()
  expect(await engine.keys()).toEqual([])
  store.destroy()
})

test('signOut with revoke: false sends nothing', async () => {
  const { api, store } = await setup()
  await until(() => allReady(store), 'ready')
  api.clearRequests()
  await store.signOut({ clientId: 'mock_client_id', revoke: false })
  expect(countRequests(api)).toBe(0)
  store.destroy()
})

test('destroy is idempotent; afterwards no timer fires and no request is sent', async () => {
  const { api, store } = await setup({ refreshInterval: 1000 })
  await until(() => allReady(store), 'ready')
  store.destroy()
  store.destroy()
  api.clearRequests()
  store.setToken(await api.issueToken('kp_bob'))
  expect((await store.roles.refresh()).status).toBe('ready')
  await store.refresh()
  window.dispatchEvent(new Event('online'))
  await advance(60_000, 1000)
  expect(countRequests(api)).toBe(0)
  expect(vi.getTimerCount()).toBe(0)
})

test('the store module has no side effects: creating nothing starts nothing', async () => {
  await import('kinde-account-sync')
  expect(vi.getTimerCount()).toBe(0)
  await flush()
})
