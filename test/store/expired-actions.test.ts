// ARCHITECTURE.md, "Tokens": a token past its exp is not sent, by resources or by the store's actions.
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { advance, countRequests, flush, makeStore, until, useFakeTime } from './helpers'

beforeEach(useFakeTime)
afterEach(() => { vi.restoreAllMocks(); vi.useRealTimers() })

test('after an expired token paused the store, getPortalLink and introspect still never send it', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const token = await api.issueToken('kp_alice', { expiresIn: 60 })
  const onUnauthorized = vi.fn()
  const store = makeStore({ token, fetch: api.fetch, persist: false, crossTab: false, resources: ['roles'], onUnauthorized, refreshInterval: false })
  await until(() => store.roles.get().status === 'ready', 'ready')
  await advance(61_000, 1000)
  await store.roles.refresh() // the expired token starts an unauthorized episode
  await flush()
  api.clearRequests()
  await expect(store.getPortalLink()).rejects.toMatchObject({ kind: 'unauthorized' })
  await expect(store.introspect()).rejects.toMatchObject({ kind: 'unauthorized' })
  expect(countRequests(api)).toBe(0)
  expect(onUnauthorized).toHaveBeenCalledTimes(1) // still one call for the episode
  store.destroy()
})
