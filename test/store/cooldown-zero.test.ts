// Rule 5: a 429 whose Retry-After / reset is already past (client clock ahead) still cools down.
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { advance, countRequests, setup, until, useFakeTime } from './helpers'

beforeEach(useFakeTime)
afterEach(() => { vi.restoreAllMocks(); vi.useRealTimers() })

test('a 429 answering "retry after 0 s" neither hammers the API nor stops: it fetches again by itself', async () => {
  const { api, store } = await setup({ resources: ['roles'], refreshInterval: false })
  await until(() => store.roles.get().status === 'ready', 'ready')
  api.fault('roles', { status: 429, retryAfter: 0 })
  api.clearRequests()
  void store.roles.refresh()
  await advance(400)
  expect(countRequests(api, 'roles')).toBeLessThanOrEqual(2)
  api.clearFaults()
  await until(() => store.roles.get().error === undefined, 'resumed after the cool-down')
  store.destroy()
})
