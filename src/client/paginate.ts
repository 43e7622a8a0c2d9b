import type { Page } from './types'
import { field, type Json, object } from './validate'

/**
 * One page: `data` mapped, `metadata` read. A missing `metadata` or `has_more` is the last page
 * (ARCHITECTURE.md, "Mock", fact 2); `has_more` with a missing or non-advancing cursor is a broken response, never a
 * silently short list.
 */
export function readPage<T>(body: unknown, map: (data: Json) => T, startingAfter: string | null | undefined): Page<T> {
  const o = object(body, 'body')
  const data = map(object(o.data, 'data'))
  if (o.metadata == null) return { data, hasMore: false, nextPageStartingAfter: null }
  const meta = object(o.metadata, 'metadata')
  const hasMore = field<boolean>(meta, 'has_more', 'metadata', 'boolean') ?? false
  const next = field(meta, 'next_page_starting_after', 'metadata')
  if (hasMore && !next) throw new TypeError('metadata.has_more without next_page_starting_after')
  if (hasMore && next === startingAfter) throw new TypeError('metadata.next_page_starting_after does not advance')
  return { data, hasMore, nextPageStartingAfter: next }
}

/** Merges one page into the pages so far: lists concatenate, scalars (`orgCode`) keep the first non-null. */
export function mergePages<T extends object>(a: T, b: T): T {
  const out = { ...a } as Record<string, unknown>
  for (const [key, value] of Object.entries(b)) {
    const prev = out[key]
    out[key] = Array.isArray(prev) ? prev.concat(value) : prev ?? value
  }
  // Plans describe the subscription, not the page: a server may repeat them on every page
  if (Array.isArray(out.plans)) {
    out.plans = (out.plans as { key: string }[]).filter((p, i, all) => all.findIndex((q) => q.key === p.key) === i)
  }
  return out as T
}
