// ARCHITECTURE.md, rule 9 and "Tabs" together: hidden tabs do not poll and only the leader polls, so a
// leader in a background tab keeps polling for as long as a follower tab is in front.
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createMockAccountApi, type MockAccountApi } from 'kinde-account-sync/mock'
import type { AccountStore } from 'kinde-account-sync'
import { createVisibilitySignal, type EnvironmentSignal } from '../../src/schedule/environment'
import { createTabSync } from '../../src/tabs'
import { createLockManager } from '../tabs/support/locks'
import { advance, countRequests, makeStore, until, useFakeTime } from './helpers'

beforeEach(useFakeTime)
afterEach(() => { vi.restoreAllMocks(); vi.useRealTimers() })

/** A page-visibility signal this test sets by hand (one per tab). */
function pageVisibility(): EnvironmentSignal {
  const signal = createVisibilitySignal()
  signal.setEventListener(() => {})
  return signal
}

function tab(api: MockAccountApi, token: string, locks: ReturnType<typeof createLockManager>, visibility: EnvironmentSignal): AccountStore {
  return makeStore(
    { token, fetch: api.fetch, persist: false, crossTab: true, resources: ['roles'], refreshInterval: 60_000 },
    { visibility, createTabSync: (o) => createTabSync({ ...o, locks: locks as unknown as LockManager }) },
  )
}

test('a hidden leader polls while a follower tab is visible, and stops when every tab is hidden', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const locks = createLockManager()
  const token = await api.issueToken('kp_alice')
  const [leaderPage, followerPage] = [pageVisibility(), pageVisibility()]
  const leader = tab(api, token, locks, leaderPage)
  await until(() => leader.roles.get().status === 'ready', 'leader ready')
  const follower = tab(api, token, locks, followerPage)
  await until(() => follower.roles.get().status === 'ready', 'follower ready')
  expect(follower.$session.get().leader).toBe(false)

  leaderPage.set(false) // the user switched to the follower's tab
  await advance(1000)
  api.clearRequests()
  api.setRoles('kp_alice', [{ key: 'astronaut' }])
  // three intervals, plus half of one so the third tick's request has time to land
  await advance(210_000, 5000)
  expect(countRequests(api, 'roles')).toBe(3) // one per interval, all from the hidden leader
  expect(follower.hasRole('astronaut').get()).toBe(true)
  expect(follower.roles.get().source).toBe('tab')

  followerPage.set(false) // now nobody looks
  await advance(1000)
  api.clearRequests()
  await advance(180_000, 5000)
  expect(countRequests(api)).toBe(0)
})
