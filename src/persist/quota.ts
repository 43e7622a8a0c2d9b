import { KEY_PREFIX, toEntry } from './key'
import type { StorageEngine } from './types'

/** A write refused because the origin's storage is full (the DOMException, or an error wrapping it). */
export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; cause?: { name?: string } } | null
  return e?.name === 'QuotaExceededError' || e?.cause?.name === 'QuotaExceededError'
}

/**
 * Makes room after a QuotaExceededError: deletes the oldest half (by updatedAt, at least one) of
 * this library's entries, never those in `keep` (the ones about to be written). Entries of any
 * user may go: they are a cache, and the network refills them.
 */
export async function dropOldest(engine: StorageEngine, keep: Set<string>): Promise<void> {
  const ours = (await engine.entries()).filter(([k]) => typeof k === 'string' && k.startsWith(KEY_PREFIX) && !keep.has(k))
  const age = (value: unknown) => toEntry(value)?.updatedAt ?? -Infinity
  ours.sort((a, b) => age(a[1]) - age(b[1]))
  const victims = ours.slice(0, Math.max(1, Math.ceil(ours.length / 2))).map(([k]) => k)
  if (victims.length) await engine.delMany(victims)
}

/**
 * Writes `batch`, making room once if the engine is full: 'written', 'full' (still no room after
 * that) or 'broken' (any other failure: the engine is not to be trusted again).
 */
export async function setManyMakingRoom(
  engine: StorageEngine, batch: Array<[string, unknown]>,
): Promise<'written' | 'full' | 'broken'> {
  try {
    await engine.setMany(batch)
    return 'written'
  } catch (error) {
    if (!isQuotaError(error)) return 'broken'
  }
  try {
    await dropOldest(engine, new Set(batch.map(([k]) => k)))
    await engine.setMany(batch)
    return 'written'
  } catch (again) {
    return isQuotaError(again) ? 'full' : 'broken'
  }
}
