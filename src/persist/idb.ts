import { promisifyRequest as done } from 'idb-keyval'
import { createIdbStore } from './idb-store'
import type { StorageEngine } from './types'

/** Options of {@link createIdbEngine}. */
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
  // idb-keyval's get/setMany/… would each bundle its default store and a cursor fallback for
  // browsers without getAll(); with our own store, these one-liners do the same work.
  const all = (s: IDBObjectStore) => done(s.getAllKeys() as IDBRequest<string[]>)
  return {
    durable: true,
    get: (key) => store('readonly', (s) => done(s.get(key))),
    getMany: (keys) => store('readonly', (s) => Promise.all(keys.map((k) => done(s.get(k))))),
    setMany: (items) => store('readwrite', (s) => { for (const [k, v] of items) s.put(v, k); return done(s.transaction) }),
    delMany: (keys) => store('readwrite', (s) => { for (const k of keys) s.delete(k); return done(s.transaction) }),
    keys: () => store('readonly', all),
    entries: () => store('readonly', (s) =>
      Promise.all([all(s), done(s.getAll())]).then(([k, v]) => k.map((key, i) => [key, v[i]] as [string, unknown]))),
  }
}
