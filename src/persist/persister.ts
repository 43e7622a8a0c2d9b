import type { Identity } from '../models'
import { createBatchRead } from './batch-read'
import { createIdbEngine } from './idb'
import { identityPrefix, isSyncedResource, KEY_PREFIX, persistKey, toEntry, userPrefix } from './key'
import { createMemoryEngine } from './memory'
import { setManyMakingRoom } from './quota'
import type { PersistedEntry, PersistOptions, Persister, StorageEngine } from './types'

/** Options of {@link createPersister}: the `persist` options, plus a clock and the write batching. */
export interface PersisterOptions extends PersistOptions {
  /** Clock, milliseconds since the epoch (tests pass a fake one). @default Date.now */
  now?: () => number
  /** Milliseconds during which saves are gathered into one write; 0 = end of the current task's microtasks. @default 20 */
  writeDelay?: number
}

type Batch = Array<[string, PersistedEntry]>

/**
 * The store's persistence: keys per (identity, resource), max age, batched writes, and a quiet
 * fallback to memory whenever the engine misbehaves. No method ever rejects.
 */
export function createPersister(options: PersisterOptions = {}): Persister {
  const { maxAge = 604_800_000, now = Date.now, writeDelay = 20 } = options
  const engine: StorageEngine =
    options.engine ?? (typeof indexedDB === 'undefined' ? createMemoryEngine() : createIdbEngine())
  // Holds everything once the engine is unusable, and single writes the engine had no room for.
  const memory = createMemoryEngine()
  let usable = true
  let durable = engine.durable !== false
  // No engine call has succeeded yet: a blocked or slow open is not known to be usable, so entries
  // are not called durable until one answers (a blocked open only gives up after its deadline).
  let answered = false
  const queue = new Map<string, PersistedEntry>()
  let scheduled = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let chain: Promise<void> = Promise.resolve()
  let waiting: Array<() => void> = [] // written() callers of the batch not run yet
  let swept = false

  const giveUp = () => { usable = false; durable = false }

  /** Runs an engine call; any failure (missing, blocked, slow, broken) moves us to memory for good. */
  async function onEngine<T>(op: (e: StorageEngine) => Promise<T>): Promise<T | undefined> {
    if (!usable) return undefined
    try {
      const result = await op(engine)
      answered = true
      return result
    } catch { giveUp(); return undefined }
  }

  const readEngine = createBatchRead(engine, onEngine)

  // Mutations run one after another so a delete can never be overtaken by an older write.
  function enqueue(step: () => Promise<void>): Promise<void> {
    chain = chain.then(step).catch(() => {})
    return chain
  }

  async function deleteWhere(match: (key: string) => boolean): Promise<void> {
    await memory.delMany((await memory.keys()).filter(match))
    const keys = await onEngine((e) => e.keys())
    if (keys) await onEngine((e) => e.delMany(keys.filter((k) => typeof k === 'string' && match(k))))
  }

  // Once per persister, on the first write: expired entries of users who never came back are
  // deleted too, not only those that someone tries to load.
  async function sweep(): Promise<void> {
    swept = true
    const all = await onEngine((e) => e.entries())
    if (!all) return
    const expired = all.filter(([k, v]) => String(k).startsWith(KEY_PREFIX) && !fresh(toEntry(v))).map(([k]) => k)
    if (expired.length) await onEngine((e) => e.delMany(expired))
  }

  async function write(batch: Batch): Promise<void> {
    if (!swept && usable) await sweep()
    const outcome = usable ? await setManyMakingRoom(engine, batch) : 'broken'
    // the engine now has the newest value: drop any older spill
    if (outcome === 'written') { answered = true; return memory.delMany(batch.map(([k]) => k)) }
    if (outcome === 'full') durable = false // still full: this write lives in memory only
    else giveUp()
    await memory.setMany(batch)
  }

  function run(): Promise<void> {
    scheduled = false
    if (timer !== undefined) { clearTimeout(timer); timer = undefined }
    const batch: Batch = [...queue]
    queue.clear()
    const done = batch.length === 0 ? chain : enqueue(() => write(batch))
    const woken = waiting
    waiting = []
    void done.then(() => { for (const wake of woken) wake() })
    return done
  }

  // Queued writes under the prefix are dropped too, so nothing of it lands after the delete.
  function removePrefix(prefixOf: () => string): Promise<void> {
    let prefix: string
    try { prefix = prefixOf() } catch { return Promise.resolve() } // not an identity: nothing to delete
    for (const key of [...queue.keys()]) if (key.startsWith(prefix)) queue.delete(key)
    return enqueue(() => deleteWhere((k) => k.startsWith(prefix)))
  }

  function fresh(entry: PersistedEntry | undefined): entry is PersistedEntry {
    return entry !== undefined && now() - entry.updatedAt <= maxAge
  }

  return {
    get durable() { return durable && answered },

    async load<T>(identity: Identity, resource: string) {
      try {
        const key = persistKey(identity, resource)
        let value: unknown = queue.get(key) ?? (await memory.get(key))
        if (value === undefined) value = await readEngine(key)
        if (value === undefined) return undefined
        const entry = toEntry(value)
        if (fresh(entry)) return entry as PersistedEntry<T>
        // Expired or not an entry: never shown, and gone.
        void enqueue(async () => { await memory.delMany([key]); await onEngine((e) => e.delMany([key])) })
        return undefined
      } catch {
        return undefined
      }
    },

    save(identity, resource, entry) {
      const clean = toEntry(entry)
      if (!clean || !isSyncedResource(resource)) return
      try { queue.set(persistKey(identity, resource), clean) } catch { return } // not an identity: nothing to key it by
      if (scheduled) return
      scheduled = true
      if (writeDelay > 0) timer = setTimeout(run, writeDelay)
      else queueMicrotask(() => { if (scheduled) void run() })
    },

    flush: () => run(),
    written: () => (queue.size === 0 ? chain : new Promise<void>((resolve) => waiting.push(resolve))),

    removeIdentity: (identity) => removePrefix(() => identityPrefix(identity)),
    removeUser: (identity) => removePrefix(() => userPrefix(identity)),

    clear() {
      queue.clear()
      return enqueue(() => deleteWhere((k) => k.startsWith(KEY_PREFIX)))
    },
  }
}
