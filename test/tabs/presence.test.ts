import { afterEach, describe, expect, test, vi } from 'vitest'
import { createLockManager } from './support/locks'
import { closeAll, openTab } from './support/tabs'

afterEach(() => { closeAll() })

describe('presence: a hidden leader knows when a follower is on screen', () => {
  test('a follower showing and hiding is seen by the leader', async () => {
    const locks = createLockManager()
    const leader = openTab({ locks })
    const follower = openTab({ locks })
    await vi.waitFor(() => expect(leader.sync.leader).toBe(true))
    leader.sync.setVisible!(false)
    expect(leader.sync.othersVisible).toBe(false)
    follower.sync.setVisible!(true)
    await vi.waitFor(() => expect(leader.sync.othersVisible).toBe(true))
    follower.sync.setVisible!(false)
    await vi.waitFor(() => expect(leader.sync.othersVisible).toBe(false))
    expect(leader.presence).toEqual([true, false])
  })

  test('a visible follower that closes stops counting', async () => {
    const locks = createLockManager()
    const leader = openTab({ locks })
    const follower = openTab({ locks })
    follower.sync.setVisible!(true)
    await vi.waitFor(() => expect(leader.sync.othersVisible).toBe(true))
    follower.sync.close()
    await vi.waitFor(() => expect(leader.sync.othersVisible).toBe(false))
  })

  test('a new leader asks again, so it learns of tabs that announced before it joined', async () => {
    const locks = createLockManager()
    const first = openTab({ locks })
    await vi.waitFor(() => expect(first.sync.leader).toBe(true))
    const watcher = openTab({ locks })
    watcher.sync.setVisible!(true)
    await vi.waitFor(() => expect(first.sync.othersVisible).toBe(true))
    const late = openTab({ locks }) // joins after the announcement; queued behind the watcher
    expect(late.sync.othersVisible).toBe(false)
    first.sync.close()
    await vi.waitFor(() => expect(watcher.sync.leader).toBe(true))
    watcher.sync.close()
    await vi.waitFor(() => expect(late.sync.leader).toBe(true))
    expect(late.sync.othersVisible).toBe(false) // the watcher said goodbye
    const other = openTab({ locks })
    other.sync.setVisible!(true)
    await vi.waitFor(() => expect(late.sync.othersVisible).toBe(true))
  })

  test('rollcall: a tab that announced before the new leader existed answers it', async () => {
    const locks = createLockManager()
    const first = openTab({ locks })
    const visible = openTab({ locks })
    await vi.waitFor(() => expect(first.sync.leader).toBe(true))
    visible.sync.setVisible!(true)
    await vi.waitFor(() => expect(first.sync.othersVisible).toBe(true))
    const newcomer = openTab({ locks: null }) // leads at once (no Web Locks), never heard the announcement
    await vi.waitFor(() => expect(newcomer.sync.othersVisible).toBe(true))
  })
})
