// Rule 11: store.entitlement(key) syncs while it has subscribers, and syncing includes the interval.
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { advance, countRequests, setup, until, useFakeTime } from './helpers'

beforeEach(useFakeTime)
afterEach(() => { vi.restoreAllMocks(); vi.useRealTimers() })

test('a subscribed entitlement(key) polls on the refresh interval', async () => {
  const { api, store } = await setup({ resources: [], refreshInterval: 60_000 })
  const key = api.user('kp_alice').memberships[0]!.entitlements?.[0]?.feature_key ?? 'seats'
  const res = store.entitlement(key)
  const stop = res.$state.subscribe(() => {})
  await until(() => res.get().status === 'ready', 'fetched')
  expect(countRequests(api, 'entitlement')).toBe(1)
  await advance(61_000, 1_000)
  expect(countRequests(api, 'entitlement')).toBe(2)
  stop()
  store.destroy()
})

test('an entitlement(key) subscribed again after the grace second polls again', async () => {
  const { api, store } = await setup({ resources: [], refreshInterval: 60_000 })
  const key = api.user('kp_alice').memberships[0]!.entitlements?.[0]?.feature_key ?? 'seats'
  const res = store.entitlement(key)
  const first = res.$state.subscribe(() => {})
  await until(() => res.get().status === 'ready', 'fetched')
  first()
  await advance(2_000)
  const again = res.$state.subscribe(() => {})
  await advance(120_000, 1_000)
  expect(countRequests(api, 'entitlement')).toBeGreaterThanOrEqual(2)
  again()
  store.destroy()
})
