import type { UseStore } from 'idb-keyval'

/**
 * Why IndexedDB cannot be used (an Error named StorageUnavailableError with a `reason`); the
 * persister answers any of these by falling back to memory. A factory, not a class: smaller.
 */
const unavailable = (reason: 'missing' | 'timeout' | 'error', cause?: unknown): Error =>
  Object.assign(new Error(`IndexedDB unavailable: ${reason}`, { cause }), { name: 'StorageUnavailableError', reason })

export interface IdbStoreOptions {
  dbName: string
  storeName: string
  /** Milliseconds to wait for `open` (blocked or never answering) before giving up. */
  openTimeout: number
  /** The IDBFactory to use; null or undefined means none is available. */
  factory: IDBFactory | null | undefined
}

/**
 * Our own version of idb-keyval's `createStore`, usable as the `customStore` argument of its
 * functions. It adds what idb-keyval leaves out: a deadline on `open` (a blocked or hung open
 * never settles otherwise), creating the object store if an existing database lacks it, closing
 * on `versionchange` so we never block another tab's upgrade, and one reopen when the browser has
 * closed the connection under us.
 */
export function createIdbStore(options: IdbStoreOptions): UseStore {
  const { dbName, storeName, openTimeout, factory } = options
  let dbp: Promise<IDBDatabase> | undefined

  const getDb = (): Promise<IDBDatabase> => {
    if (dbp) return dbp
    const opening = open(factory, dbName, storeName, openTimeout)
    dbp = opening
    opening.then(
      (db) => {
        // Browsers may close a connection (storage pressure, Safari); forget it so the next call reopens.
        db.onclose = () => { if (dbp === opening) dbp = undefined }
        db.onversionchange = () => { db.close(); if (dbp === opening) dbp = undefined }
      },
      () => { if (dbp === opening) dbp = undefined },
    )
    return opening
  }

  const objectStore = async (mode: IDBTransactionMode): Promise<IDBObjectStore> => {
    const db = await getDb()
    try {
      return db.transaction(storeName, mode).objectStore(storeName)
    } catch (error) {
      // InvalidStateError: the connection is closed (or closing). Reopen once; a second failure is real.
      if ((error as { name?: string })?.name !== 'InvalidStateError') throw error
      if (dbp) { const current = await dbp.catch(() => undefined); if (current === db) dbp = undefined }
      return (await getDb()).transaction(storeName, mode).objectStore(storeName)
    }
  }

  return (mode, callback) => objectStore(mode).then(callback)
}

function open(factory: IDBFactory | null | undefined, dbName: string, storeName: string, timeout: number, version?: number): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    if (!factory) return reject(unavailable('missing'))
    let request: IDBOpenDBRequest
    try {
      request = version === undefined ? factory.open(dbName) : factory.open(dbName, version)
    } catch (cause) {
      return reject(unavailable('error', cause))
    }
    let settled = false
    // 'blocked' is not final (the other connection may still close), so only the deadline gives up.
    const timer = setTimeout(() => {
      settled = true
      reject(unavailable('timeout'))
    }, timeout)
    request.onupgradeneeded = () => {
      const db = request.result
      if (!db.objectStoreNames.contains(storeName)) db.createObjectStore(storeName)
    }
    request.onsuccess = () => {
      const db = request.result
      if (settled) return db.close() // answered after we gave up: do not hold a connection nobody uses
      clearTimeout(timer)
      settled = true
      if (db.objectStoreNames.contains(storeName)) return resolve(db)
      // The database exists without our store (another storeName, same dbName): upgrade to add it.
      const next = db.version + 1
      db.close()
      open(factory, dbName, storeName, timeout, next).then(resolve, reject)
    }
    request.onerror = () => {
      if (settled) return
      clearTimeout(timer)
      settled = true
      reject(unavailable('error', request.error))
    }
  })
}
