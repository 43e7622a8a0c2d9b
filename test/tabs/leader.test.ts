import { afterEach, describe, expect, test, vi } from 'vitest'
import { createTabSync } from '../../src/tabs'
import { createLockManager } from './support/locks'
import { bob, closeAll, openTab } from './support/tabs'

afterEach(() => { closeAll(); vi.unstubAllGlobals() })

const leaders = (tabs: Array<{ sync: { leader: boolean } }>) => tabs.filter((t) => t.sync.leader).length

describe('leader election', () => {
  test('of three tabs with Web Locks exactly one leads', async () => {
    const locks = createLockManager()
    const tabs = [openTab({ locks }), openTab({ locks }), openTab({ locks })]
    await vi.waitFor(() => expect(tabs[0]!.leaderChanges).toEqual([true]))
    expect(leaders(tabs)).toBe(1)
    expect(tabs[1]!.leaderChanges).toEqual([])
    expect(tabs[2]!.leaderChanges).toEqual([])
  })

  test('when the leader closes, the next tab takes over, and then the next', async () => {
    const locks = createLockManager()
    const tabs = [openTab({ locks }), openTab({ locks }), openTab({ locks })]
    await vi.waitFor(() => expect(tabs[0]!.sync.leader).toBe(true))
    tabs[0]!.sync.close()
    await vi.waitFor(() => expect(tabs[1]!.leaderChanges).toEqual([true]))
    expect(leaders(tabs)).toBe(1)
    tabs[1]!.sync.close()
    await vi.waitFor(() => expect(tabs[2]!.sync.leader).toBe(true))
  })

  test('when the leader tab dies without closing, the browser hands the lock on', async () => {
    const locks = createLockManager()
    const tabs = [openTab({ locks }), openTab({ locks })]
    await vi.waitFor(() => expect(tabs[0]!.sync.leader).toBe(true))
    const [held] = (await locks.query()).held!
    locks.crash(held!.name!)
    await vi.waitFor(() => expect(tabs[1]!.sync.leader).toBe(true))
  })

  test('a closed follower leaves the queue and never leads', async () => {
    const locks = createLockManager()
    const tabs = [openTab({ locks }), openTab({ locks }), openTab({ locks })]
    await vi.waitFor(() => expect(tabs[0]!.sync.leader).toBe(true))
    tabs[1]!.sync.close()
    tabs[0]!.sync.close()
    await vi.waitFor(() => expect(tabs[2]!.sync.leader).toBe(true))
    expect(tabs[1]!.leaderChanges).toEqual([])
  })

  test('leaders are per identity: another user in the same browser elects its own', async () => {
    const locks = createLockManager()
    const a = openTab({ locks })
    const b = openTab({ locks, identity: bob })
    await vi.waitFor(() => expect(a.sync.leader && b.sync.leader).toBe(true))
  })

  test('without Web Locks every tab leads (each polls)', async () => {
    const tabs = [openTab({ locks: null }), openTab({ locks: null })]
    await vi.waitFor(() => expect(leaders(tabs)).toBe(2))
    expect(tabs.map((t) => t.leaderChanges)).toEqual([[true], [true]])
  })

  test('a lock request that fails (opaque origin) means leading, as without Web Locks', async () => {
    const refusing = { request: () => Promise.reject(new DOMException('denied', 'SecurityError')) } as unknown as LockManager
    const tab = openTab({ locks: refusing })
    await vi.waitFor(() => expect(tab.sync.leader).toBe(true))
  })

  test('uses navigator.locks by default', async () => {
    const locks = createLockManager()
    vi.spyOn(navigator as unknown as { locks: LockManager }, 'locks', 'get').mockReturnValue(locks)
    const tabs = [openTab({ locks: undefined }), openTab({ locks: undefined })]
    await vi.waitFor(() => expect(tabs[0]!.sync.leader).toBe(true))
    expect((await locks.query()).pending).toHaveLength(1)
  })

  test('close is idempotent and releases the lock', async () => {
    const locks = createLockManager()
    const tab = openTab({ locks })
    await vi.waitFor(() => expect(tab.sync.leader).toBe(true))
    tab.sync.close()
    tab.sync.close()
    expect(tab.sync.leader).toBe(false)
    await vi.waitFor(async () => expect((await locks.query()).held).toEqual([]))
  })

  test('returns null where BroadcastChannel is missing', () => {
    vi.stubGlobal('BroadcastChannel', undefined)
    const sync = createTabSync({
      domain: 'https://acme.kinde.com', identity: bob, locks: null,
      onLeaderChange() {}, onMessage() {}, onRefreshRequest: async () => null, onSnapshotRequest: () => [],
    })
    expect(sync).toBeNull()
  })
})
