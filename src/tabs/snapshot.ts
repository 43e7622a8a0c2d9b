import { isSyncedResource, toEntry } from '../persist/key'
import type { PersistedEntry } from '../persist/types'
import type { Identity } from '../token/types'
import { isFiniteNumber, isTabFailure } from './messages'
import type { TabMessage, TabSyncOptions } from './types'

/**
 * The leader's answer to a new tab's hello: its entries, its running cool-down and its
 * failures, each cleaned (only synced resources, only { data, updatedAt }, finite times).
 */
export function snapshotFor(options: Pick<TabSyncOptions, 'onSnapshotRequest' | 'onSnapshotExtras'>, identity: Identity, to: string): TabMessage {
  let entries: Array<[string, PersistedEntry]> = []
  try {
    entries = options.onSnapshotRequest().flatMap(([resource, e]) => {
      const entry = toEntry(e)
      return entry && isSyncedResource(resource) ? [[resource, entry] as [string, PersistedEntry]] : []
    })
  } catch { /* answer with what we have: nothing */ }
  let extras = { until: null as number | null, failures: [] as Array<[string, unknown]> }
  try { extras = options.onSnapshotExtras?.() ?? extras } catch { /* see above */ }
  const until = isFiniteNumber(extras.until) ? extras.until : null
  const failures = extras.failures.filter(([resource, f]) => isSyncedResource(resource) && isTabFailure(f)) as Array<[string, never]>
  return { type: 'snapshot', identity, to, entries, until, failures }
}

/**
 * A snapshot as the messages it stands for, in the order that matters: the cool-down first, so
 * that nothing this tab does on hearing the states is sent during it; then states, then failures.
 */
export function unpackSnapshot(m: Extract<TabMessage, { type: 'snapshot' }>): TabMessage[] {
  const { identity } = m
  return [
    ...(isFiniteNumber(m.until) ? [{ type: 'cooldown' as const, identity, until: m.until }] : []),
    ...m.entries.map(([resource, entry]) => ({ type: 'state' as const, identity, resource, entry })),
    ...(m.failures ?? []).map(([resource, failure]) => ({ type: 'failed' as const, identity, resource, failure })),
  ]
}
