// Small pure helpers for the panel's text.

/**
 * "now", "12 s", "4 min", "2 h" since `then` (with `suffix` after a duration: "12 s ago", never
 * "now ago"); a dash without a time.
 */
export function age(then: number | undefined, now: number, suffix = ''): string {
  if (then === undefined) return '—'
  const s = Math.max(0, Math.round((now - then) / 1000))
  if (s < 1) return 'now'
  if (s < 60) return `${s} s${suffix}`
  if (s < 3600) return `${Math.floor(s / 60)} min${suffix}`
  return `${Math.floor(s / 3600)} h${suffix}`
}

/** Whole seconds until `until`, at least 0. */
export const secondsUntil = (until: number | null, now: number): number =>
  until ? Math.max(0, Math.ceil((until - now) / 1000)) : 0

/** "512 B", "1.4 kB". */
export const size = (bytes: number): string => (bytes < 1000 ? `${bytes} B` : `${(bytes / 1000).toFixed(1)} kB`)

/** A value as short text: JSON for objects, cut at 40 characters. */
export function short(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value))
  return text.length > 40 ? `${text.slice(0, 39)}…` : text
}
