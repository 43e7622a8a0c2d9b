// The store across tabs (ARCHITECTURE.md, "Tabs"): stores in one process share Node's BroadcastChannel,
// with the tabs helper's in-process Web Locks double.
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createMockAccountApi, type MockAccountApi } from 'kinde-account-sync/mock'
import type { AccountStore, AccountStoreOptions } from 'kinde-account-sync'
import { createTabSync } from '../../src/tabs'
import { scopeName } from '../../src/tabs/messages'
import { createLockManager } from '../tabs/support/locks'
import { advance, allReady, flush, makeStore, until, useFakeTime } from './helpers'

beforeEach(useFakeTime)
afterEach(() => { vi.restoreAllMocks(); vi.useRealTimers() })

type Locks = ReturnType<typeof createLockManager>

function tab(api: MockAccountApi, token: string, locks: Locks, options: Partial<AccountStoreOptions> = {}): AccountStore {
  return makeStore(
    { token, fetch: api.fetch, persist: false, crossTab: true, ...options },
    { createTabSync: (o) => createTabSync({ ...o, locks: locks as unknown as LockManager }) },
  )
}

test('one leader fetches; a new follower takes the leader\'s states (source tab) without requests of its own', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const locks = createLockManager()
  const token = await api.issueToken('kp_alice')
  const leader = tab(api, token, locks)
  await until(() => allReady(leader), 'leader ready')
  expect(leader.$session.get().leader).toBe(true)
  api.clearRequests()
  const follower = tab(api, token, locks)
  await until(() => allReady(follower), 'follower ready')
  expect(follower.$session.get().leader).toBe(false)
  expect(follower.roles.get()).toMatchObject({ status: 'ready', source: 'tab' })
  expect(follower.roles.get().data).toEqual(leader.roles.get().data)
  expect(api.requests).toEqual([])
  leader.destroy()
  follower.destroy()
})

test('only the leader polls; each poll reaches the followers', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const locks = createLockManager()
  const token = await api.issueToken('kp_alice')
  const opts = { resources: ['roles' as const], refreshInterval: 60_000 }
  const a = tab(api, token, locks, opts)
  await until(() => a.roles.get().status === 'ready', 'a')
  const b = tab(api, token, locks, opts)
  const c = tab(api, token, locks, opts)
  await until(() => b.roles.get().status === 'ready' && c.roles.get().status === 'ready', 'b, c')
  api.clearRequests()
  api.setRoles('kp_alice', [{ key: 'astronaut' }])
  await advance(180_000, 5000)
  expect(api.requests.filter((r) => r.route === 'roles')).toHaveLength(3)
  expect(c.hasRole('astronaut').get()).toBe(true)
  expect(c.roles.get().source).toBe('tab')
  for (const s of [a, b, c]) s.destroy()
})

test('a follower\'s refresh() asks the leader, which fetches once for it', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const locks = createLockManager()
  const token = await api.issueToken('kp_alice')
  const leader = tab(api, token, locks, { resources: ['permissions'] })
  await until(() => leader.permissions.get().status === 'ready', 'leader')
  const follower = tab(api, token, locks, { resources: ['permissions'] })
  await until(() => follower.permissions.get().status === 'ready', 'follower')
  api.grantPermission('kp_alice', 'fly:rockets')
  api.clearRequests()
  let done = false
  void follower.permissions.refresh().then(() => { done = true })
  await until(() => done, 'refresh answered')
  expect(follower.hasPermission('fly:rockets').get()).toBe(true)
  expect(api.requests).toHaveLength(1)
  leader.destroy()
  follower.destroy()
})

test('without an answer from a leader within 2 s a follower fetches itself (start and refresh)', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const locks = createLockManager()
  const token = await api.issueToken('kp_alice')
  // a leader that holds the lock but never answers (a frozen tab)
  const identity = { iss: api.baseUrl, sub: 'kp_alice', orgCode: api.orgCodes('kp_alice')[0]! }
  void locks.request(`${scopeName(api.baseUrl, identity)}|leader`, () => new Promise(() => {}))
  // a long lease: this is about the 2 s fallback, before a visible follower would take the lock over (rule 17)
  const follower = makeStore(
    { token, fetch: api.fetch, persist: false, crossTab: true, resources: ['roles'] },
    { createTabSync: (o) => createTabSync({ ...o, locks: locks as unknown as LockManager, liveness: { leaseMs: 60_000 } }) },
  )
  await advance(1500)
  expect(api.requests).toHaveLength(0) // still waiting for the leader's snapshot
  await until(() => follower.roles.get().source === 'network', 'fetched itself after 2 s')
  expect(follower.$session.get().leader).toBe(false)
  api.clearRequests()
  let done = false
  void follower.roles.refresh().then(() => { done = true })
  await advance(1500)
  expect(api.requests).toHaveLength(0) // asked the leader first
  await until(() => done, 'refresh fell back')
  expect(api.requests).toHaveLength(1)
  follower.destroy()
})

test('a 429 in the leader cools down every tab', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const locks = createLockManager()
  const token = await api.issueToken('kp_alice')
  const a = tab(api, token, locks, { resources: ['roles'] })
  await until(() => a.roles.get().status === 'ready', 'a')
  const b = tab(api, token, locks, { resources: ['roles'] })
  await until(() => b.roles.get().status === 'ready', 'b')
  api.fault('roles', { status: 429, rateLimitReset: 30 }, { times: 1 })
  await a.roles.refresh()
  await until(() => b.$session.get().rateLimitedUntil !== null, 'cool-down reached b')
  expect(b.$session.get().rateLimitedUntil).toBe(a.$session.get().rateLimitedUntil)
  a.destroy()
  b.destroy()
})

test('signOut in one tab signs every tab of that identity out', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const locks = createLockManager()
  const token = await api.issueToken('kp_alice')
  const a = tab(api, token, locks)
  await until(() => allReady(a), 'a')
  const b = tab(api, token, locks)
  await until(() => allReady(b), 'b')
  await a.signOut({ revoke: false })
  await until(() => b.$session.get().status === 'signed-out', 'b signed out')
  expect(b.profile.get().status).toBe('idle')
  a.destroy()
  b.destroy()
})

test('a token that is not a JWT never joins other tabs', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const factory = vi.fn(() => null)
  const store = makeStore({ token: 'opaque', domain: api.baseUrl, fetch: api.fetch, persist: false, crossTab: true }, { createTabSync: factory })
  await advance(500)
  expect(factory).not.toHaveBeenCalled()
  expect(store.$session.get().leader).toBe(true)
  store.destroy()
})

test('a follower\'s derived values settle on the leader\'s answer', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const locks = createLockManager()
  const token = await api.issueToken('kp_alice')
  const leader = tab(api, token, locks)
  await until(() => allReady(leader), 'leader')
  const follower = tab(api, token, locks)
  let answer: boolean | undefined
  void follower.hasRole('owner').settled().then((v) => { answer = v })
  await until(() => answer !== undefined, 'settled')
  expect(answer).toBe(true)
  expect(follower.roles.get().source).toBe('tab')
  leader.destroy()
  follower.destroy()
})

test('a tab that signed out and then signed in as someone else never answers the old identity\'s tabs with the new user\'s data', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const locks = createLockManager()
  const alice = await api.issueToken('kp_alice')
  const a = tab(api, alice, locks)
  await until(() => allReady(a), 'alice in a')
  // a signs alice out: its alice link keeps the lock a moment longer (so the sign-out reaches every
  // tab before another one leads) — and in that moment a signs bob in
  await a.signOut({ revoke: false })
  a.setToken(await api.issueToken('kp_bob'))
  await until(() => allReady(a) && a.$session.get().userId === 'kp_bob', 'bob in a')
  // a new tab of alice asks for a snapshot on her channel: nobody may answer it with bob's data
  const b = tab(api, await api.issueToken('kp_alice'), locks)
  const seen: Array<string | undefined> = []
  b.profile.$state.subscribe((s) => seen.push((s.data as { email?: string } | undefined)?.email))
  await until(() => allReady(b), 'alice in b')
  await advance(2000)
  expect(seen.filter((email) => email !== undefined && !email.startsWith('alice@'))).toEqual([])
  expect(b.profile.get().data).toMatchObject({ id: 'kp_alice' })
  a.destroy()
  b.destroy()
})
