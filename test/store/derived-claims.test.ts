// Derived values answered from the token's claims: only the token's own flags count.
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { flush, makeStore, useFakeTime } from './helpers'

beforeEach(useFakeTime)
afterEach(() => { vi.restoreAllMocks(); vi.useRealTimers() })

test('has() does not count a flag named like an Object.prototype member as present', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const token = await api.issueToken('kp_alice', { claims: { feature_flags: { beta: { t: 'b', v: true } } } })
  const store = makeStore({ token, fetch: api.fetch, persist: false, crossTab: false, resources: [] })
  await flush()
  expect(store.has({ featureFlags: ['beta'] }).get()).toBe(true) // answered by the claim
  expect(store.has({ featureFlags: ['constructor'] }).get()).toBe(false)
  expect(store.has({ featureFlags: ['toString'] }).get()).toBe(false)
  store.destroy()
})
