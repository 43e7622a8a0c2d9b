// A token is decoded once, when it arrives, not again for every request the store sends.
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import * as decode from '../../src/token/decode'
import { flush, makeStore, until, useFakeTime } from './helpers'

vi.mock('../../src/token/decode', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/token/decode')>()
  return { ...original, decodeClaims: vi.fn(original.decodeClaims) }
})

beforeEach(useFakeTime)
afterEach(() => { vi.useRealTimers() })

test('six resources refreshed three times decode the token once (the base URL comes from the claims the session holds)', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const token = await api.issueToken('kp_alice')
  const decodeClaims = vi.mocked(decode.decodeClaims)
  decodeClaims.mockClear()
  const store = makeStore({ token, fetch: api.fetch, persist: false, crossTab: false })
  await until(() => store.profile.get().source === 'network' && store.entitlements.get().source === 'network', 'first load')
  for (let i = 0; i < 3; i++) await store.refresh()
  await flush()
  expect(api.requests.length).toBeGreaterThanOrEqual(24) // six reads, four times: the requests did leave
  expect(decodeClaims.mock.calls.filter(([t]) => t === token)).toHaveLength(1)
  store.destroy()
})
