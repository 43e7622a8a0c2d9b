import { IDBFactory } from 'fake-indexeddb'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { createIdbEngine } from '../../src/persist'
import { useFakeTimers } from './support'

/** fake-indexeddb's factory, recording every connection it hands out. */
function trackedFactory(onOpen?: (db: IDBDatabase) => void) {
  const factory = new IDBFactory()
  const opened: IDBDatabase[] = []
  const tracked = {
    open(name: string, version?: number) {
      const request = version === undefined ? factory.open(name) : factory.open(name, version)
      request.addEventListener('success', () => { opened.push(request.result); onOpen?.(request.result) })
      return request
    },
    deleteDatabase: (name: string) => factory.deleteDatabase(name),
    cmp: (a: unknown, b: unknown) => factory.cmp(a, b),
    databases: () => factory.databases(),
  } as IDBFactory
  return { factory, tracked, opened }
}

function openRaw(factory: IDBFactory, name: string, version?: number, upgrade?: (db: IDBDatabase) => void) {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(name, version)
    request.onupgradeneeded = () => upgrade?.(request.result)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

afterEach(() => { vi.useRealTimers() })

describe('createIdbEngine', () => {
  test('keeps entries across engines on the same database, as across a reload', async () => {
    const factory = new IDBFactory()
    const first = createIdbEngine({ indexedDB: factory })
    await first.setMany([['a', { data: 1, updatedAt: 5 }], ['b', { data: 2, updatedAt: 6 }]])
    const second = createIdbEngine({ indexedDB: factory })
    expect(await second.get('a')).toEqual({ data: 1, updatedAt: 5 })
    expect(await second.getMany!(['b', 'missing', 'a'])).toEqual([{ data: 2, updatedAt: 6 }, undefined, { data: 1, updatedAt: 5 }])
    expect((await second.keys()).sort()).toEqual(['a', 'b'])
    await second.delMany(['a'])
    expect(await second.entries()).toEqual([['b', { data: 2, updatedAt: 6 }]])
  })

  test('rejects as unavailable when there is no indexedDB', async () => {
    const engine = createIdbEngine({ indexedDB: null })
    await expect(engine.get('a')).rejects.toMatchObject({ name: 'StorageUnavailableError', reason: 'missing' })
  })

  test('gives up on an open that never answers after openTimeout', async () => {
    useFakeTimers()
    const silent = { open: () => ({}) } as unknown as IDBFactory
    const engine = createIdbEngine({ indexedDB: silent })
    const outcome = vi.fn()
    engine.get('a').then(outcome, outcome)
    await vi.advanceTimersByTimeAsync(999)
    expect(outcome).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(outcome).toHaveBeenCalledWith(expect.objectContaining({ reason: 'timeout' }))
  })

  test('gives up on an open blocked behind another tab that never lets go', async () => {
    const factory = new IDBFactory()
    // Another tab holds a connection and ignores versionchange, while a deleteDatabase waits on it:
    // every later open queues behind the delete and never answers.
    await openRaw(factory, 'kinde-account-sync', 1, (db) => db.createObjectStore('entries'))
    factory.deleteDatabase('kinde-account-sync')
    const engine = createIdbEngine({ indexedDB: factory, openTimeout: 50 })
    await expect(engine.get('a')).rejects.toMatchObject({ reason: 'timeout' })
  })

  test('reopens once when the browser closed the connection', async () => {
    const { tracked, opened } = trackedFactory()
    const engine = createIdbEngine({ indexedDB: tracked })
    await engine.setMany([['a', 1]])
    opened[0]!.close()
    expect(await engine.get('a')).toBe(1)
    expect(opened).toHaveLength(2)
  })

  test('reopens after a close event', async () => {
    const { tracked, opened } = trackedFactory()
    const engine = createIdbEngine({ indexedDB: tracked })
    await engine.setMany([['a', 1]])
    // Browsers announce an abnormal close with this event; the handle is not used again.
    opened[0]!.onclose?.call(opened[0]!, new Event('close'))
    expect(await engine.get('a')).toBe(1)
    expect(opened).toHaveLength(2)
  })

  test('a connection that closes again after the reopen is an error, not a loop', async () => {
    const { tracked, opened } = trackedFactory((db) => db.close())
    const engine = createIdbEngine({ indexedDB: tracked })
    await expect(engine.get('a')).rejects.toMatchObject({ name: 'InvalidStateError' })
    expect(opened).toHaveLength(2)
  })

  test('adds its object store to an existing database that lacks it', async () => {
    const factory = new IDBFactory()
    const other = await openRaw(factory, 'shared', 3, (db) => db.createObjectStore('theirs'))
    other.close()
    const engine = createIdbEngine({ indexedDB: factory, dbName: 'shared', storeName: 'ours' })
    await engine.setMany([['k', 'v']])
    expect(await engine.get('k')).toBe('v')
  })

  test("yields to another tab's upgrade instead of blocking it, then reopens", async () => {
    const factory = new IDBFactory()
    const engine = createIdbEngine({ indexedDB: factory })
    await engine.setMany([['a', 1]])
    // Another tab (a newer version of the app, say) upgrades the database while we hold a connection.
    const upgraded = await openRaw(factory, 'kinde-account-sync', 5, (db) => db.createObjectStore('extra'))
    upgraded.close()
    expect(await engine.get('a')).toBe(1)
  })
})
