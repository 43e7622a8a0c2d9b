import type { StorageEngine } from './types'

/**
 * Reads of one task gathered into one `getMany` (one IndexedDB transaction): a page that opens
 * with six resources waits for one read, not six in a row. Engines without getMany read one by one.
 * `read` runs the engine call (the persister's fallback handling); it answers undefined on failure.
 */
export function createBatchRead(
  engine: StorageEngine, read: <T>(op: (e: StorageEngine) => Promise<T>) => Promise<T | undefined>,
): (key: string) => Promise<unknown> {
  let keys: string[] | null = null
  let values: Promise<unknown[] | undefined>
  return (key) => {
    if (!engine.getMany) return read((e) => e.get(key))
    if (!keys) {
      const batch: string[] = (keys = [])
      // a microtask later, every load asked for meanwhile is in the batch
      values = Promise.resolve().then(() => { keys = null; return read((e) => e.getMany!(batch)) })
    }
    const at = keys.push(key) - 1
    return values.then((all) => all?.[at])
  }
}
