// The default: IndexedDB where it exists (fake-indexeddb here).
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { advance, allReady, makeStore, until, useFakeTime } from './helpers'

beforeEach(useFakeTime)
afterEach(() => { vi.useRealTimers() })

test('persists by default where IndexedDB exists, and the next store opens with that data', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const token = await api.issueToken('kp_alice')
  const first = makeStore({ token, fetch: api.fetch, crossTab: false })
  await until(() => allReady(first), 'first')
  await advance(200)
  expect(first.$session.get().persisted).toBe(true)
  first.destroy()
  api.fault('*', { hang: true })
  const second = makeStore({ token, fetch: api.fetch, crossTab: false })
  await until(() => second.roles.get().source === 'cache', 'hydrated from IndexedDB')
  expect(second.roles.get()).toMatchObject({ status: 'ready', stale: true, fetching: true })
  await second.clearCache()
  second.destroy()
})
