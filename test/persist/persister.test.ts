import { afterEach, describe, expect, test, vi } from 'vitest'
import { createMemoryEngine, createPersister, persistKey } from '../../src/persist'
import { alice, aliceOtherOrg, bob, DAY, spyEngine, useFakeTimers } from './support'

afterEach(() => { vi.useRealTimers() })

const entry = (data: unknown, updatedAt = Date.now()) => ({ data, updatedAt })

describe('createPersister', () => {
  test('loads what was saved, per identity and resource', async () => {
    const engine = createMemoryEngine()
    const persister = createPersister({ engine })
    persister.save(alice, 'roles', entry({ roles: ['admin'] }, 1000))
    await persister.flush()
    const later = createPersister({ engine, now: () => 2000 })
    expect(await later.load(alice, 'roles')).toEqual({ data: { roles: ['admin'] }, updatedAt: 1000 })
    expect(await later.load(aliceOtherOrg, 'roles')).toBeUndefined()
    expect(await later.load(alice, 'permissions')).toBeUndefined()
  })

  test('loads asked for in one task read the engine once (getMany: one IndexedDB transaction), each getting its own entry', async () => {
    const memory = createMemoryEngine()
    const getMany = vi.fn((keys: string[]) => Promise.all(keys.map((k) => memory.get(k))))
    const get = vi.fn(memory.get)
    const engine = { ...memory, get, getMany }
    const writer = createPersister({ engine: memory })
    for (const name of ['profile', 'roles', 'permissions']) writer.save(alice, name, entry({ name }, 1000))
    await writer.flush()
    const persister = createPersister({ engine, now: () => 2000 })
    const loaded = await Promise.all(['profile', 'roles', 'permissions', 'featureFlags'].map((n) => persister.load(alice, n)))
    expect(loaded.map((e) => (e?.data as { name?: string } | undefined)?.name)).toEqual(['profile', 'roles', 'permissions', undefined])
    expect(getMany).toHaveBeenCalledTimes(1)
    expect(getMany.mock.calls[0]![0]).toHaveLength(4)
    expect(get).not.toHaveBeenCalled()
  })

  test('a failing getMany falls back to memory like any engine failure: every load answers undefined', async () => {
    const engine = { ...createMemoryEngine(), getMany: () => Promise.reject(new Error('broken')) }
    const persister = createPersister({ engine })
    expect(await Promise.all([persister.load(alice, 'roles'), persister.load(alice, 'profile')])).toEqual([undefined, undefined])
    expect(persister.durable).toBe(false)
  })

  test('stores exactly { data, updatedAt }: extra fields such as an error or a token stay off disk', async () => {
    const engine = createMemoryEngine()
    const persister = createPersister({ engine })
    const dirty = { data: { x: 1 }, updatedAt: 5, error: new Error('boom'), token: 'eyJ.secret.sig' }
    persister.save(alice, 'profile', dirty)
    await persister.flush()
    expect(await engine.get(persistKey(alice, 'profile'))).toEqual({ data: { x: 1 }, updatedAt: 5 })
  })

  test('refuses anything that is not account data: portal links, malformed entries', async () => {
    const engine = createMemoryEngine()
    const persister = createPersister({ engine })
    persister.save(alice, 'portalLink', entry('https://portal.example/abc'))
    persister.save(alice, 'roles', { data: undefined, updatedAt: 5 })
    persister.save(alice, 'permissions', { data: [], updatedAt: Number.NaN })
    await persister.flush()
    expect(await engine.keys()).toEqual([])
  })

  test('ignores and deletes entries older than maxAge (7 days by default)', async () => {
    const engine = createMemoryEngine()
    let now = 0
    const persister = createPersister({ engine, now: () => now })
    persister.save(alice, 'roles', entry('r', 0))
    persister.save(alice, 'permissions', entry('p', 0))
    await persister.flush()
    now = 7 * DAY
    expect(await persister.load(alice, 'roles')).toEqual(entry('r', 0))
    now = 7 * DAY + 1
    expect(await persister.load(alice, 'permissions')).toBeUndefined()
    await persister.flush()
    expect(await engine.keys()).toEqual([persistKey(alice, 'roles')])
  })

  test('honours a custom maxAge', async () => {
    const persister = createPersister({ engine: createMemoryEngine(), maxAge: 1000, now: () => 5000 })
    persister.save(alice, 'roles', entry('old', 3999))
    persister.save(alice, 'permissions', entry('new', 4000))
    expect(await persister.load(alice, 'roles')).toBeUndefined()
    expect(await persister.load(alice, 'permissions')).toEqual(entry('new', 4000))
  })

  test('deletes expired entries of other users on its first write', async () => {
    const engine = createMemoryEngine()
    await engine.setMany([[persistKey(bob, 'roles'), entry('gone', 0)], ['theirs', entry('kept', 0)]])
    const persister = createPersister({ engine, now: () => 30 * DAY })
    persister.save(alice, 'roles', entry('mine', 30 * DAY))
    await persister.flush()
    expect((await engine.keys()).sort()).toEqual([persistKey(alice, 'roles'), 'theirs'].sort())
  })

  test('batches the saves of one moment into one setMany, the latest value per key winning', async () => {
    useFakeTimers()
    const engine = spyEngine()
    const persister = createPersister({ engine })
    for (const name of ['profile', 'permissions', 'roles', 'featureFlags', 'properties', 'entitlements']) {
      persister.save(alice, name, entry(name))
    }
    persister.save(alice, 'roles', entry('roles, newer'))
    expect(engine.setMany).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(20)
    expect(engine.setMany).toHaveBeenCalledTimes(1)
    expect(engine.setMany.mock.calls[0]![0]).toHaveLength(6)
    expect(await persister.load(alice, 'roles')).toMatchObject({ data: 'roles, newer' })
  })

  test('a queued save is visible to load before it lands', async () => {
    const engine = spyEngine()
    const persister = createPersister({ engine, writeDelay: 10_000, now: () => 1 })
    persister.save(alice, 'roles', entry('queued', 1))
    expect(await persister.load(alice, 'roles')).toEqual(entry('queued', 1))
    expect(engine.setMany).not.toHaveBeenCalled()
  })

  test('writeDelay 0 still gathers synchronous saves into one write', async () => {
    const engine = spyEngine()
    const persister = createPersister({ engine, writeDelay: 0 })
    persister.save(alice, 'roles', entry(1))
    persister.save(alice, 'permissions', entry(2))
    await persister.flush()
    expect(engine.setMany).toHaveBeenCalledTimes(1)
  })

  test('removeIdentity deletes only that identity, and drops its queued writes', async () => {
    const engine = createMemoryEngine()
    const persister = createPersister({ engine })
    persister.save(alice, 'roles', entry('a'))
    persister.save(aliceOtherOrg, 'roles', entry('a2'))
    persister.save(bob, 'roles', entry('b'))
    await persister.flush()
    persister.save(alice, 'permissions', entry('queued for alice'))
    await persister.removeIdentity(alice)
    await persister.flush()
    expect((await engine.keys()).sort()).toEqual([persistKey(aliceOtherOrg, 'roles'), persistKey(bob, 'roles')].sort())
    expect(await persister.load(alice, 'permissions')).toBeUndefined()
  })

  test('removeUser deletes that user in every org, and drops their queued writes; other users stay', async () => {
    const engine = createMemoryEngine()
    const persister = createPersister({ engine })
    persister.save(alice, 'roles', entry('a'))
    persister.save(aliceOtherOrg, 'roles', entry('a2'))
    persister.save(bob, 'roles', entry('b'))
    await persister.flush()
    persister.save(aliceOtherOrg, 'permissions', entry('queued for alice elsewhere'))
    await persister.removeUser(alice)
    await persister.flush()
    expect(await engine.keys()).toEqual([persistKey(bob, 'roles')])
  })

  test('removeIdentity waits for a write already in flight, so it cannot land afterwards', async () => {
    const engine = spyEngine()
    const persister = createPersister({ engine })
    persister.save(alice, 'roles', entry('a'))
    const writing = persister.flush()
    await persister.removeIdentity(alice)
    await writing
    expect(await engine.keys()).toEqual([])
  })

  test('clear deletes every entry this library wrote and nothing else', async () => {
    const engine = createMemoryEngine()
    await engine.setMany([['someone-else', 1]])
    const persister = createPersister({ engine })
    persister.save(alice, 'roles', entry('a'))
    persister.save(bob, 'roles', entry('b'))
    await persister.flush()
    persister.save(bob, 'profile', entry('queued'))
    await persister.clear()
    await persister.flush()
    expect(await engine.keys()).toEqual(['someone-else'])
  })
})
