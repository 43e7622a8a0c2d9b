import { IDBFactory } from 'fake-indexeddb'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { createIdbEngine, createMemoryEngine, createPersister, persistKey } from '../../src/persist'
import type { StorageEngine } from '../../src/persist'
import { alice, bob, brokenEngine, quotaError, spyEngine, useFakeTimers } from './support'

afterEach(() => { vi.useRealTimers() })

const entry = (data: unknown, updatedAt = Date.now()) => ({ data, updatedAt })

/** A memory engine that holds at most `capacity` entries and then fails as a full disk does. */
function smallDisk(capacity: number) {
  const base = createMemoryEngine()
  const engine = spyEngine(base)
  engine.setMany.mockImplementation(async (items) => {
    const keys = new Set([...(await base.keys()), ...items.map(([k]) => k)])
    if (keys.size > capacity) throw quotaError()
    return base.setMany(items)
  })
  return engine
}

/** Works in the persister as if nothing happened: the store never learns of storage trouble. */
async function roundTrip(persister: ReturnType<typeof createPersister>) {
  persister.save(alice, 'roles', entry('kept in memory'))
  await persister.flush()
  return (await persister.load(alice, 'roles'))?.data
}

describe('createPersister when storage misbehaves', () => {
  test('without indexedDB it keeps entries in memory and says it is not durable', async () => {
    expect(globalThis.indexedDB).toBeUndefined()
    const persister = createPersister()
    expect(persister.durable).toBe(false)
    expect(await roundTrip(persister)).toBe('kept in memory')
  })

  test('an idb engine without indexedDB falls back to memory on first use', async () => {
    const persister = createPersister({ engine: createIdbEngine({ indexedDB: null }) })
    expect(await persister.load(alice, 'roles')).toBeUndefined()
    expect(persister.durable).toBe(false)
    expect(await roundTrip(persister)).toBe('kept in memory')
  })

  test('an open that never answers falls back to memory after 1 s', async () => {
    useFakeTimers()
    const silent = { open: () => ({}) } as unknown as IDBFactory
    const persister = createPersister({ engine: createIdbEngine({ indexedDB: silent }) })
    const loaded = vi.fn()
    void persister.load(alice, 'roles').then(loaded)
    await vi.advanceTimersByTimeAsync(999)
    expect(loaded).not.toHaveBeenCalled()
    expect(persister.durable).toBe(false) // not called durable while the open has not answered
    await vi.advanceTimersByTimeAsync(1)
    expect(loaded).toHaveBeenCalledWith(undefined)
    expect(persister.durable).toBe(false)
    const saved = roundTrip(persister)
    await vi.advanceTimersByTimeAsync(20)
    expect(await saved).toBe('kept in memory')
  })

  test('a full disk: the oldest entries are dropped once and the write lands', async () => {
    const engine = smallDisk(4)
    const persister = createPersister({ engine, now: () => 100 })
    persister.save(bob, 'roles', entry('oldest', 10))
    persister.save(bob, 'permissions', entry('older', 20))
    persister.save(bob, 'profile', entry('newer', 30))
    persister.save(bob, 'properties', entry('newest', 40))
    await persister.flush()
    persister.save(alice, 'roles', entry('mine', 50))
    await persister.flush()
    expect(persister.durable).toBe(true)
    expect((await engine.keys()).sort()).toEqual(
      [persistKey(bob, 'profile'), persistKey(bob, 'properties'), persistKey(alice, 'roles')].sort(),
    )
    expect(engine.setMany).toHaveBeenCalledTimes(3) // first batch, failed try, one retry
  })

  test('still full after dropping: that write lives in memory and the engine is kept', async () => {
    const engine = smallDisk(0)
    const persister = createPersister({ engine })
    expect(await roundTrip(persister)).toBe('kept in memory')
    expect(engine.setMany).toHaveBeenCalledTimes(2)
    expect(persister.durable).toBe(false)
    // Room again (entries of this batch are small, say): later writes go to the engine.
    engine.setMany.mockImplementation(createMemoryEngine().setMany)
    persister.save(alice, 'permissions', entry('p'))
    await persister.flush()
    expect(engine.setMany).toHaveBeenCalledTimes(3)
  })

  test('durable only once the engine has answered: a first write that lands is enough', async () => {
    const persister = createPersister({ engine: { ...createMemoryEngine(), durable: true } })
    expect(persister.durable).toBe(false) // nothing is known of the engine yet
    persister.save(alice, 'roles', entry('r'))
    expect(persister.durable).toBe(false) // queued, not written
    await persister.flush()
    expect(persister.durable).toBe(true)
  })

  test('a closed connection is reopened and the persister stays durable', async () => {
    const factory = new IDBFactory()
    const opened: IDBDatabase[] = []
    const tracking = {
      open: (name: string) => {
        const request = factory.open(name)
        request.addEventListener('success', () => opened.push(request.result))
        return request
      },
    } as unknown as IDBFactory
    const persister = createPersister({ engine: createIdbEngine({ indexedDB: tracking }) })
    persister.save(alice, 'roles', entry('before'))
    await persister.flush()
    opened.forEach((db) => db.close())
    expect(await persister.load(alice, 'roles')).toMatchObject({ data: 'before' })
    expect(persister.durable).toBe(true)
  })

  test('an engine that fails every call: every method still resolves, memory takes over', async () => {
    const persister = createPersister({ engine: brokenEngine() })
    await expect(persister.load(alice, 'roles')).resolves.toBeUndefined()
    await expect(persister.removeIdentity(alice)).resolves.toBeUndefined()
    await expect(persister.clear()).resolves.toBeUndefined()
    expect(await roundTrip(persister)).toBe('kept in memory')
    expect(persister.durable).toBe(false)
    await persister.removeIdentity(alice)
    expect(await persister.load(alice, 'roles')).toBeUndefined()
  })

  test('an engine that throws synchronously is no different', async () => {
    const boom = () => { throw new Error('sync') }
    const engine = { get: boom, setMany: boom, delMany: boom, keys: boom, entries: boom } as unknown as StorageEngine
    const persister = createPersister({ engine })
    await expect(persister.load(alice, 'roles')).resolves.toBeUndefined()
    expect(await roundTrip(persister)).toBe('kept in memory')
  })

  test('a malformed identity is ignored rather than thrown', async () => {
    const persister = createPersister({ engine: createMemoryEngine() })
    const broken = { sub: 'kp_x' } as unknown as typeof alice
    expect(() => persister.save(broken, 'roles', entry('x'))).not.toThrow()
    await expect(persister.removeIdentity(broken)).resolves.toBeUndefined()
    await expect(persister.load(broken, 'roles')).resolves.toBeUndefined()
  })
})
