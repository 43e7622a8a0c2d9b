import { afterEach, describe, expect, test, vi } from 'vitest'
import { createLockManager } from './support/locks'
import { alice, bob, closeAll, openTab } from './support/tabs'

afterEach(() => { closeAll(); vi.useRealTimers() })

const entry = (data: unknown) => ({ data, updatedAt: 1_700_000_000_000 })
const settle = () => new Promise((r) => setTimeout(r, 30))

describe('messages between tabs', () => {
  test("the leader's states, cool-downs and sign-out reach every other tab of the identity", async () => {
    const locks = createLockManager()
    const [leader, f1, f2] = [openTab({ locks }), openTab({ locks }), openTab({ locks })]
    await vi.waitFor(() => expect(leader.sync.leader).toBe(true))
    leader.sync.postState('roles', entry({ roles: [] }))
    leader.sync.postCooldown(123)
    leader.sync.postSignOut()
    const expected = [
      { type: 'state', identity: alice, resource: 'roles', entry: entry({ roles: [] }) },
      { type: 'cooldown', identity: alice, until: 123 },
      { type: 'signout', identity: alice },
    ]
    await vi.waitFor(() => expect(f1.received).toEqual(expected))
    await vi.waitFor(() => expect(f2.received).toEqual(expected))
    expect(leader.received).toEqual([]) // a tab does not hear itself
  })

  test("a tab ignores another identity's messages, even on a shared channel", async () => {
    const shared = () => new BroadcastChannel('one channel for everyone')
    const a1 = openTab({ createChannel: shared })
    const a2 = openTab({ createChannel: shared })
    const b = openTab({ createChannel: shared, identity: bob })
    a1.sync.postState('roles', entry('alice'))
    a1.sync.postSignOut()
    await vi.waitFor(() => expect(a2.received).toHaveLength(2))
    await settle()
    expect(b.received).toEqual([])
  })

  test('malformed messages on the channel are ignored', async () => {
    const tab = openTab()
    const stranger = new BroadcastChannel(`kinde-account-sync|https://acme.kinde.com|v1|https://acme.kinde.com|kp_alice|org_1|`)
    stranger.postMessage('hello')
    stranger.postMessage({ type: 'state', identity: alice, resource: 'portalLink', entry: entry('https://x') })
    stranger.postMessage({ type: 'state', identity: alice, resource: 'roles', entry: { data: 1 } })
    stranger.postMessage({ type: 'signout', identity: alice })
    await vi.waitFor(() => expect(tab.received).toEqual([{ type: 'signout', identity: alice }]))
    stranger.close()
  })

  test('a follower asks the leader to refresh and gets its answer', async () => {
    const locks = createLockManager()
    const leader = openTab({ locks })
    const follower = openTab({ locks })
    await vi.waitFor(() => expect(leader.sync.leader).toBe(true))
    await expect(follower.sync.requestRefresh('permissions')).resolves.toEqual({ data: 'fresh permissions', updatedAt: 1 })
    expect(leader.onRefreshRequest).toHaveBeenCalledWith('permissions')
    leader.onRefreshRequest.mockRejectedValueOnce(new Error('offline'))
    await expect(follower.sync.requestRefresh('roles')).resolves.toBeNull()
  })

  test('a new follower gets the leader snapshot as states, addressed to it alone', async () => {
    const locks = createLockManager()
    const leader = openTab({ locks })
    const other = openTab({ locks })
    await vi.waitFor(() => expect(leader.sync.leader).toBe(true))
    leader.snapshot = [['profile', entry('p')], ['roles', entry('r')]]
    const newcomer = openTab({ locks })
    await expect(newcomer.sync.requestSnapshot()).resolves.toBe(true)
    expect(newcomer.received).toEqual([
      { type: 'state', identity: alice, resource: 'profile', entry: entry('p') },
      { type: 'state', identity: alice, resource: 'roles', entry: entry('r') },
    ])
    await settle()
    expect(other.received).toEqual([])
  })

  test('an empty snapshot still counts as an answer: the leader is there', async () => {
    const locks = createLockManager()
    const leader = openTab({ locks })
    await vi.waitFor(() => expect(leader.sync.leader).toBe(true))
    await expect(openTab({ locks }).sync.requestSnapshot()).resolves.toBe(true)
  })

  test('no token ever goes out: only the identity and { data, updatedAt }', async () => {
    const wire: unknown[] = []
    const locks = createLockManager()
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJrcF9hbGljZSJ9.c2lnbmF0dXJl'
    const leader = openTab({ locks, wire })
    const follower = openTab({ locks, wire })
    await vi.waitFor(() => expect(leader.sync.leader).toBe(true))
    const dirty = { data: { roles: [] }, updatedAt: 1, token, error: { message: 'x' } }
    leader.onRefreshRequest.mockResolvedValue(dirty)
    leader.snapshot = [['roles', dirty], ['portalLink', entry('https://portal/secret')]]
    leader.sync.postState('roles', dirty)
    leader.sync.postState('portalLink', entry('https://portal/secret'))
    follower.sync.setVisible!(true)
    await follower.sync.requestRefresh('roles')
    await follower.sync.requestSnapshot()
    const json = JSON.stringify(wire)
    const types = [...new Set(wire.map((m) => (m as { type: string }).type))].sort()
    expect(types).toEqual(['beat', 'hello', 'presence', 'refresh', 'refreshed', 'rollcall', 'snapshot', 'state'])
    expect(json).not.toContain(token)
    expect(json).not.toMatch(/token|error|portal/i)
  })
})

describe('validation (rule 17)', () => {
  const failure = { kind: 'rate_limited', status: 429, code: null, retryAfterMs: 30_000, method: 'GET', path: '/account_api/v1/roles' }
  const channelOf = () => new BroadcastChannel(`kinde-account-sync|https://acme.kinde.com|v1|https://acme.kinde.com|kp_alice|org_1|`)

  test('a cool-down whose end is not a finite number is dropped', async () => {
    const tab = openTab()
    const stranger = channelOf()
    for (const until of [Number.NaN, Infinity, -Infinity, '123', null]) stranger.postMessage({ type: 'cooldown', identity: alice, until })
    stranger.postMessage({ type: 'cooldown', identity: alice, until: 42 })
    await vi.waitFor(() => expect(tab.received).toEqual([{ type: 'cooldown', identity: alice, until: 42 }]))
    await settle()
    expect(tab.received).toHaveLength(1)
    stranger.close()
  })

  test('a failure is passed on only with fields of the right types', async () => {
    const tab = openTab()
    const stranger = channelOf()
    stranger.postMessage({ type: 'failed', identity: alice, resource: 'roles', failure: { ...failure, status: Number.NaN } })
    stranger.postMessage({ type: 'failed', identity: alice, resource: 'roles', failure: { ...failure, path: 1 } })
    stranger.postMessage({ type: 'failed', identity: alice, resource: 'portalLink', failure })
    stranger.postMessage({ type: 'failed', identity: alice, resource: 'roles', failure })
    await vi.waitFor(() => expect(tab.received).toEqual([{ type: 'failed', identity: alice, resource: 'roles', failure }]))
    stranger.close()
  })

  test("the leader's answer to a new tab carries its cool-down and failures, the cool-down first", async () => {
    const locks = createLockManager()
    const leader = openTab({ locks, onSnapshotExtras: () => ({ until: 5000, failures: [['roles', failure]] }) })
    await vi.waitFor(() => expect(leader.sync.leader).toBe(true))
    leader.snapshot = [['roles', entry('r')]]
    const newcomer = openTab({ locks })
    await expect(newcomer.sync.requestSnapshot()).resolves.toBe(true)
    expect(newcomer.received).toEqual([
      { type: 'cooldown', identity: alice, until: 5000 },
      { type: 'state', identity: alice, resource: 'roles', entry: entry('r') },
      { type: 'failed', identity: alice, resource: 'roles', failure },
    ])
  })

  test('a snapshot with a non-finite cool-down is no answer at all', async () => {
    const newcomer = openTab({ locks: { request: () => new Promise(() => {}) } as unknown as LockManager })
    const stranger = channelOf()
    stranger.onmessage = (e) => {
      if (e.data.type === 'hello') stranger.postMessage({ type: 'snapshot', identity: alice, to: e.data.from, entries: [], until: Number.NaN })
    }
    await expect(newcomer.sync.requestSnapshot(300)).resolves.toBe(false)
    expect(newcomer.received).toEqual([])
    stranger.close()
  })

  test('a refresh the leader cannot answer (a key it does not sync) sends the asker to fetch at once', async () => {
    const locks = createLockManager()
    const leader = openTab({ locks })
    await vi.waitFor(() => expect(leader.sync.leader).toBe(true))
    leader.onRefreshRequest.mockResolvedValueOnce(undefined as never)
    const follower = openTab({ locks })
    await expect(follower.sync.requestRefresh('entitlement:unknown', 60_000)).resolves.toBeUndefined()
  })
})

describe('waiting for the leader', () => {
  test('requestRefresh and requestSnapshot give up after 2 s without a leader', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    // A lock that is never granted: this tab waits in the queue behind a leader that never answers.
    const never = { request: () => new Promise(() => {}) } as unknown as LockManager
    const follower = openTab({ locks: never })
    const refresh = vi.fn()
    const snapshot = vi.fn()
    void follower.sync.requestRefresh('roles').then(refresh)
    void follower.sync.requestSnapshot().then(snapshot)
    await vi.advanceTimersByTimeAsync(1999)
    expect(refresh).not.toHaveBeenCalled()
    expect(snapshot).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(refresh).toHaveBeenCalledWith(undefined)
    expect(snapshot).toHaveBeenCalledWith(false)
  })

  test('a tab that becomes leader while waiting stops waiting: it polls itself now', async () => {
    const locks = createLockManager()
    const leader = openTab({ locks })
    await vi.waitFor(() => expect(leader.sync.leader).toBe(true))
    leader.onRefreshRequest.mockReturnValue(new Promise(() => {})) // the leader is stuck
    const follower = openTab({ locks })
    const answer = follower.sync.requestRefresh('roles', 60_000)
    leader.sync.close()
    await expect(answer).resolves.toBeUndefined()
    expect(follower.sync.leader).toBe(true)
  })

  test('a leader does not ask itself; close settles what is pending', async () => {
    const leader = openTab({ locks: null })
    await vi.waitFor(() => expect(leader.sync.leader).toBe(true))
    await expect(leader.sync.requestRefresh('roles')).resolves.toBeUndefined()
    const follower = openTab({ locks: { request: () => new Promise(() => {}) } as unknown as LockManager })
    const pending = follower.sync.requestSnapshot(60_000)
    follower.sync.close()
    await expect(pending).resolves.toBe(false)
    await expect(follower.sync.requestSnapshot()).resolves.toBe(false)
  })
})
