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
