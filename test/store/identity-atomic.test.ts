// ARCHITECTURE.md, rules 12–14: identity moves in one step, actions belong to their identity,
// sign-out is total.
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createMemoryEngine } from 'kinde-account-sync'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { advance, allReady, flush, makeStore, until, useFakeTime } from './helpers'

vi.setConfig({ testTimeout: 30_000 })
beforeEach(useFakeTime)
afterEach(() => { vi.restoreAllMocks(); vi.useRealTimers() })

const base = { persist: false as const, crossTab: false }

test('rule 12: a derived value never answers from the previous user\'s data under the next user\'s claims', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  api.fault('featureFlags', { hang: true }) // flags answer from the claims only
  const alice = await api.issueToken('kp_alice', { claims: { feature_flags: { zz: { t: 'b', v: false } } } })
  const store = makeStore({ ...base, token: alice, fetch: api.fetch, resources: ['permissions'] })
  await until(() => store.permissions.get().status === 'ready', 'alice permissions')
  const key = store.permissions.get().data!.permissions[0]!.key
  // alice: permission from her data (true), flag from her claims (false) → false
  // bob: the permission is not in his claims, the flag is → false; only a mix says true
  const both = store.has({ permissions: [key], featureFlags: ['zz'] })
  const seen: boolean[] = []
  both.$value.subscribe((v) => seen.push(v))
  api.fault('permissions', { hang: true }) // bob answers from his claims only
  store.setToken(await api.issueToken('kp_bob', {
    claims: { permissions: [], feature_flags: { zz: { t: 'b', v: true } } },
  }))
  await flush()
  expect(seen).not.toContain(true)
  store.destroy()
})

test('rule 12: subscribers of a resource see the new session and the new claims at once', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const store = makeStore({ ...base, token: await api.issueToken('kp_alice'), fetch: api.fetch, resources: ['profile'] })
  await until(() => store.profile.get().status === 'ready', 'alice')
  const views: Array<[string | null, string | undefined]> = []
  store.profile.$state.listen((s) => views.push([store.$session.get().userId, s.data?.id]))
  store.setToken(await api.issueToken('kp_bob'))
  await until(() => store.profile.get().data?.id === 'kp_bob', 'bob')
  for (const [user, owner] of views) expect(owner === undefined || owner === user).toBe(true)
  expect(views[0]![0]).toBe('kp_bob') // the reset is seen with the new session, not before it
  store.destroy()
})

test.each(['getPortalLink', 'introspect'] as const)('rule 13: %s of an earlier identity rejects as aborted', async (action) => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const store = makeStore({ ...base, token: await api.issueToken('kp_alice'), fetch: api.fetch, resources: ['profile'] })
  await until(() => store.profile.get().status === 'ready', 'alice')
  api.fault(action === 'getPortalLink' ? 'portalLink' : 'introspect', { latency: 5000 }, { times: 1 })
  const pending = (store[action] as () => Promise<unknown>)().then(() => 'resolved', (e) => e.kind)
  await advance(100)
  store.setToken(await api.issueToken('kp_bob'))
  await advance(6000)
  expect(await pending).toBe('aborted')
  store.destroy()
})

test('rule 13: an action started while signed in as alice and answered after sign-out rejects as aborted', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const store = makeStore({ ...base, token: await api.issueToken('kp_alice'), fetch: api.fetch, resources: ['profile'] })
  await until(() => store.profile.get().status === 'ready', 'alice')
  api.fault('portalLink', { latency: 5000 }, { times: 1 })
  const pending = store.getPortalLink().then(() => 'resolved', (e) => e.kind)
  await advance(100)
  await store.signOut()
  await advance(6000)
  expect(await pending).toBe('aborted')
  store.destroy()
})

test('rule 14: a switch from a JWT user to an opaque token deletes the JWT user\'s entries', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const engine = createMemoryEngine()
  const store = makeStore({ token: await api.issueToken('kp_alice'), fetch: api.fetch, persist: { engine }, crossTab: false,
    domain: 'https://mock.kinde.test', resources: ['profile'] })
  await until(() => store.profile.get().status === 'ready', 'alice')
  await advance(100)
  expect((await engine.keys()).some((k) => String(k).includes('|kp_alice|'))).toBe(true)
  store.setToken('an-opaque-token')
  await advance(100)
  expect((await engine.keys()).filter((k) => String(k).includes('|kp_alice|'))).toEqual([])
  store.destroy()
})

test('rule 14: sign-out in one tab drops the writes another tab has queued for that user', async () => {
  const { createTabSync } = await import('../../src/tabs')
  const { createLockManager } = await import('../tabs/support/locks')
  const api = createMockAccountApi({ now: () => Date.now() })
  const engine = createMemoryEngine()
  const locks = createLockManager()
  const token = await api.issueToken('kp_alice')
  const tab = () => makeStore({ token, fetch: api.fetch, persist: { engine }, crossTab: true, resources: ['profile'] },
    { createTabSync: (o) => createTabSync({ ...o, locks: locks as unknown as LockManager }) })
  const leader = tab()
  await until(() => allReadyOne(leader), 'leader')
  const follower = tab()
  await until(() => allReadyOne(follower), 'follower')
  await advance(100)
  // the leader fetches again and its write is queued (the write delay is fake time, which stands still)
  const before = leader.profile.get().updatedAt
  await advance(1000)
  void leader.profile.refresh()
  for (let i = 0; i < 50 && leader.profile.get().updatedAt === before; i++) await flush(1)
  expect(leader.profile.get().updatedAt).not.toBe(before)
  await follower.signOut()
  await flush() // the sign-out reaches the leader before its write timer fires
  await advance(500)
  expect((await engine.keys()).filter((k) => String(k).includes('|kp_alice|'))).toEqual([])
  leader.destroy()
  follower.destroy()
})

const allReadyOne = (s: ReturnType<typeof makeStore>): boolean => s.profile.get().status === 'ready' && !s.profile.get().fetching
void allReady

async function twoTabs() {
  const { createTabSync } = await import('../../src/tabs')
  const { createLockManager } = await import('../tabs/support/locks')
  const api = createMockAccountApi({ now: () => Date.now() })
  const locks = createLockManager()
  const token = await api.issueToken('kp_alice')
  const tab = (source: unknown = token, options: Record<string, unknown> = {}) =>
    makeStore({ token: source as string, fetch: api.fetch, persist: false, crossTab: true, resources: ['profile'], ...options },
      { createTabSync: (o) => createTabSync({ ...o, locks: locks as unknown as LockManager }) })
  return { api, token, tab }
}

test('rule 14: when the leader signs out, the follower that becomes leader sends nothing with that token', async () => {
  const { api, tab } = await twoTabs()
  const leader = tab()
  await until(() => allReadyOne(leader), 'leader')
  const follower = tab()
  await until(() => allReadyOne(follower), 'follower')
  api.clearRequests()
  await leader.signOut()
  await advance(3000)
  expect(api.requests.filter((r) => r.userId === 'kp_alice')).toEqual([])
  expect(follower.$session.get().status).toBe('signed-out')
  leader.destroy()
  follower.destroy()
})

test('a follower tab re-reads its function source on ticks and on refresh()', async () => {
  const { token, tab } = await twoTabs()
  const leader = tab(token, { refreshInterval: 60_000 })
  await until(() => allReadyOne(leader), 'leader')
  const getter = vi.fn(() => token)
  const follower = tab(getter, { refreshInterval: 60_000 })
  await until(() => allReadyOne(follower), 'follower')
  expect(follower.$session.get().leader).toBe(false)
  let calls = getter.mock.calls.length
  await advance(61_000, 1000)
  expect(getter.mock.calls.length).toBeGreaterThan(calls)
  calls = getter.mock.calls.length
  await follower.refresh()
  expect(getter.mock.calls.length).toBeGreaterThan(calls)
  leader.destroy()
  follower.destroy()
})
