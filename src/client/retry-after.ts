/** Delta-seconds (`"120"`, `"1.5"`) in ms, or null. */
const seconds = (value: string | null): number | null =>
  value !== null && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Math.round(Number(value) * 1000) : null

/**
 * How long a throttled client should wait, from `RateLimit-Reset` (seconds, Kinde's documented
 * header) and `Retry-After` (seconds or an HTTP date): the larger of the two (ERRATA §3).
 * Null when neither header is usable.
 */
export function retryAfterMs(headers: Headers, nowMs: number): number | null {
  const reset = seconds(headers.get('ratelimit-reset'))
  const header = headers.get('retry-after')
  let retry = seconds(header)
  if (retry === null && header) {
    const at = Date.parse(header)
    if (!Number.isNaN(at)) retry = Math.max(0, at - nowMs)
  }
  return reset === null ? retry : retry === null ? reset : Math.max(reset, retry)
}
