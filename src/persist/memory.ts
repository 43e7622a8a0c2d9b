import type { StorageEngine } from './types'

// Values are cloned on the way in and out, as IndexedDB does, so a caller that mutates an object
// after saving it (or after loading it) cannot change what is stored.
const clone = <T>(value: T): T => (typeof structuredClone === 'function' ? structuredClone(value) : value)

/** A StorageEngine in a Map: for tests, SSR, and the fallback when IndexedDB is unusable. Not durable. */
export function createMemoryEngine(): StorageEngine {
  const map = new Map<string, unknown>()
  return {
    durable: false,
    async get(key) {
      return clone(map.get(key))
    },
    async setMany(entries) {
      for (const [key, value] of entries) map.set(key, clone(value))
    },
    async delMany(keys) {
      for (const key of keys) map.delete(key)
    },
    async keys() {
      return [...map.keys()]
    },
    async entries() {
      return [...map.entries()].map(([key, value]) => [key, clone(value)] as [string, unknown])
    },
  }
}
