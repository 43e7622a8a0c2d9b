import { delMany, entries, get, keys, setMany } from 'idb-keyval'
import { createIdbStore } from './idb-store'
import type { StorageEngine } from './types'

export interface IdbEngineOptions {
  /** IndexedDB database name. @default 'kinde-account-sync' */
  dbName?: string
  /** Object store inside it. @default 'entries' */
  storeName?: string
  /** Milliseconds to wait for the database to open (blocked or hung) before the engine gives up. @default 1000 */
  openTimeout?: number
  /** The IDBFactory to use (tests pass fake-indexeddb's). @default globalThis.indexedDB */
  indexedDB?: IDBFactory | null
}

/**
 * A StorageEngine on IndexedDB through idb-keyval. The database opens lazily, on the first call.
 * Methods reject when IndexedDB is missing, blocked, slow to open or full; the persister turns
 * those into a fallback to memory, so users of the store never see them.
 */
export function createIdbEngine(options: IdbEngineOptions = {}): StorageEngine {
  const { dbName = 'kinde-account-sync', storeName = 'entries', openTimeout = 1000 } = options
  const factory = 'indexedDB' in options ? options.indexedDB : globalThis.indexedDB
  const store = createIdbStore({ dbName, storeName, openTimeout, factory })
  return {
    durable: true,
    get: (key) => get(key, store),
    setMany: (items) => setMany(items, store),
    delMany: (items) => delMany(items, store),
    keys: () => keys<string>(store),
    entries: () => entries<string, unknown>(store),
  }
}
