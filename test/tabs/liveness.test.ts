import { afterEach, describe, expect, test, vi } from 'vitest'
import { freezable } from './support/freeze'
import { createLockManager } from './support/locks'
import { closeAll, openTab } from './support/tabs'

afterEach(() => { closeAll() })

// Short times, real timers: the rule is "replaced within 5 s" with the defaults (beat 1 s, lease 3 s).
const liveness = { beatMs: 40, leaseMs: 120 }
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function frozenLeaderAndFollower(followerVisible: boolean) {
  const locks = createLockManager()
  const ice = freezable(locks)
  const leader = openTab({ locks: ice.locks, createChannel: ice.createChannel, every: ice.every, liveness })
  const follower = openTab({ locks, liveness })
  follower.sync.setVisible!(followerVisible)
  return { locks, ice, leader, follower }
}

describe('leader liveness: a leader that stops running is replaced', () => {
  test('a frozen leader (still holding its lock) is replaced by a visible follower', async () => {
    const { ice, leader, follower } = frozenLeaderAndFollower(true)
    await vi.waitFor(() => expect(leader.sync.leader).toBe(true))
    await sleep(liveness.leaseMs * 2)
    expect(follower.sync.leader).toBe(false) // a leader that beats keeps its place
    ice.freeze()
    await vi.waitFor(() => expect(follower.sync.leader).toBe(true), { timeout: 2000 })
    expect(follower.leaderChanges).toEqual([true])
  })

  test('a hidden follower does not take over (nobody is looking; hidden tabs do not poll)', async () => {
    const { ice, leader, follower } = frozenLeaderAndFollower(false)
    await vi.waitFor(() => expect(leader.sync.leader).toBe(true))
    ice.freeze()
    await sleep(liveness.leaseMs * 4)
    expect(follower.sync.leader).toBe(false)
    follower.sync.setVisible!(true) // the user comes back to the follower
    await vi.waitFor(() => expect(follower.sync.leader).toBe(true), { timeout: 2000 })
  })

  test('the thawed old leader does not lead for a moment, then steps down and queues again', async () => {
    const { ice, leader, follower } = frozenLeaderAndFollower(true)
    await vi.waitFor(() => expect(leader.sync.leader).toBe(true))
    ice.freeze()
    await vi.waitFor(() => expect(follower.sync.leader).toBe(true), { timeout: 2000 })
    expect(leader.sync.leader).toBe(false) // the lease ran out: even before it runs, it does not count as leader
    const seen: boolean[] = []
    const read = setInterval(() => seen.push(leader.sync.leader), 5)
    ice.thaw()
    seen.push(leader.sync.leader) // right after the overdue tick: still no
    await vi.waitFor(() => expect(leader.leaderChanges).toEqual([true, false]))
    await sleep(liveness.leaseMs * 2)
    clearInterval(read)
    expect(seen.every((l) => !l)).toBe(true) // at no moment did two tabs lead
    expect(follower.sync.leader).toBe(true)
    // it waits in the queue again: when the new leader closes, it takes over
    follower.sync.close()
    await vi.waitFor(() => expect(leader.sync.leader).toBe(true))
    expect(leader.leaderChanges).toEqual([true, false, true])
  })

  test('a thawed old leader that is visible itself does not take the lock back (the beats it missed are gone)', async () => {
    const locks = createLockManager()
    const ice = freezable(locks, { dropMessages: true })
    const leader = openTab({ locks: ice.locks, createChannel: ice.createChannel, every: ice.every, liveness })
    const follower = openTab({ locks, liveness })
    leader.sync.setVisible!(true)
    follower.sync.setVisible!(true)
    await vi.waitFor(() => expect(leader.sync.leader).toBe(true))
    ice.freeze()
    await vi.waitFor(() => expect(follower.sync.leader).toBe(true), { timeout: 2000 })
    ice.thaw()
    await vi.waitFor(() => expect(leader.leaderChanges).toEqual([true, false]))
    await sleep(liveness.leaseMs * 3)
    expect(follower.leaderChanges).toEqual([true])
    expect(leader.leaderChanges).toEqual([true, false])
  })

  test('a leader that was only paused (nobody took over) carries on after one beat', async () => {
    const { ice, leader, follower } = frozenLeaderAndFollower(false)
    await vi.waitFor(() => expect(leader.sync.leader).toBe(true))
    ice.freeze()
    await sleep(liveness.leaseMs * 2)
    ice.thaw()
    expect(leader.sync.leader).toBe(false) // unsure first
    await vi.waitFor(() => expect(leader.sync.leader).toBe(true), { timeout: 2000 })
    expect(leader.leaderChanges).toEqual([true]) // no step down, no second election
    expect(follower.sync.leader).toBe(false)
  })

  test('two visible followers: one takes over, and one leader remains', async () => {
    const locks = createLockManager()
    const ice = freezable(locks)
    const leader = openTab({ locks: ice.locks, createChannel: ice.createChannel, every: ice.every, liveness })
    const a = openTab({ locks, liveness })
    const b = openTab({ locks, liveness })
    a.sync.setVisible!(true)
    b.sync.setVisible!(true)
    await vi.waitFor(() => expect(leader.sync.leader).toBe(true))
    ice.freeze()
    await vi.waitFor(() => expect(a.sync.leader || b.sync.leader).toBe(true), { timeout: 2000 })
    await sleep(liveness.leaseMs * 3)
    expect([a, b].filter((t) => t.sync.leader)).toHaveLength(1)
  })

  test('without Web Locks there is no beat and nothing to take over', async () => {
    const wire: unknown[] = []
    const tabs = [openTab({ locks: null, liveness, wire }), openTab({ locks: null, liveness, wire })]
    tabs[1]!.sync.setVisible!(true)
    await sleep(liveness.leaseMs * 2)
    expect(wire.filter((m) => (m as { type: string }).type === 'beat')).toEqual([])
    expect(tabs.every((t) => t.sync.leader)).toBe(true)
  })
})
