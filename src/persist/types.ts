import type { Identity, PersistedEntry } from '../models'

export type { PersistedEntry } from '../models'

/**
 * Where persisted entries live. Small on purpose (like nanostores/persistent's engines) so a test,
 * or a user with their own storage, can swap it. Values are structured-cloneable.
 */
export interface StorageEngine {
  /** false for engines that forget on reload (the memory engine). @default true */
  readonly durable?: boolean
  /** The value stored under `key`; `undefined` when there is none. */
  get(key: string): Promise<unknown>
  /** Several values in one transaction (`undefined` where a key has none); the persister uses it when present. */
  getMany?(keys: string[]): Promise<unknown[]>
  /** Writes several entries in one transaction where the engine can. */
  setMany(entries: Array<[key: string, value: unknown]>): Promise<void>
  /** Deletes these keys; a key that is not there is no error. */
  delMany(keys: string[]): Promise<void>
  /** Every key the engine holds (the library's entries start with `v1|`). */
  keys(): Promise<string[]>
  /** All entries, used to find the oldest ones when storage is full. */
  entries(): Promise<Array<[key: string, value: unknown]>>
}


/** The store's `persist` option as an object: how long entries live, and where. */
export interface PersistOptions {
  /** Entries older than this are ignored and deleted. Milliseconds. @default 604_800_000 (7 days) */
  maxAge?: number
  /** Where entries live. @default an idb-keyval engine where IndexedDB exists; without IndexedDB and without an engine, nothing is persisted */
  engine?: StorageEngine
}

/**
 * The store's view of persistence (implemented in src/persist, used by src/store).
 * Every method resolves; none rejects: storage trouble degrades to memory, never to an error.
 */
export interface Persister {
  /** true once the engine has answered; false before that, and for good once it proved unusable (missing, blocked, slow, full) and entries live in memory only. */
  readonly durable: boolean
  /** The entry, or undefined when absent or older than maxAge (which is then deleted). */
  load<T>(identity: Identity, resource: string): Promise<PersistedEntry<T> | undefined>
  /** Queues a write; writes are batched. */
  save(identity: Identity, resource: string, entry: PersistedEntry): void
  /** Resolves when queued writes have landed (or fallen back to memory). */
  flush(): Promise<void>
  /** Resolves once the writes queued now have landed in their batch (or fallen back), without hurrying it. */
  written(): Promise<void>
  /** Deletes only this identity's entries (queued writes for it are dropped too). */
  removeIdentity(identity: Identity): Promise<void>
  /** Deletes every entry of this user (same iss and sub) in every org: what sign-out and a user switch leave behind is nothing. */
  removeUser(identity: Identity): Promise<void>
  /** Deletes every entry this library wrote. */
  clear(): Promise<void>
}
