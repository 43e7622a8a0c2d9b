import { createPersister } from '../persist'
import type { Persister, PersistOptions } from '../persist/types'
import { hasIndexedDb } from '../schedule/environment'

/**
 * The `persist` option as a Persister, or null when nothing is written:
 * `true`/undefined → IndexedDB where it exists; `false` → none; an object → its maxAge and engine.
 */
export function resolvePersister(option: boolean | PersistOptions | undefined, now: () => number): Persister | null {
  if (option === false) return null
  if (option === undefined || option === true) return hasIndexedDb() ? createPersister({ now }) : null
  if (!option.engine && !hasIndexedDb()) return null
  return createPersister({ ...option, now })
}
