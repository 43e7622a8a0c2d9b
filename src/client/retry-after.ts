/**
 * Delta-seconds (`"120"`, `"1.5"`) in ms, or null. A header sent twice arrives joined
 * (`"120, 30"`): the larger value wins, as between the two headers.
 */
function seconds(value: string | null): number | null {
  const parts = value === null ? [] : value.split(',')
  if (!parts.length || !parts.every((p) => /^\s*\d+(\.\d+)?\s*$/.test(p))) return null
  return Math.round(Math.max(...parts.map(Number)) * 1000)
}

/** An HTTP date always names its day and month; Date.parse would also take `"-3"` or `"1, 2"` (years 2001). */
const isHttpDate = (value: string) => /[a-z]/i.test(value)

/**
 * How long a throttled client should wait, from `RateLimit-Reset` (seconds, Kinde's documented
 * header) and `Retry-After` (seconds or an HTTP date, which Kinde does not document but a proxy may
 * send): the larger of the two.
 * Null when neither header is usable.
 */
export function retryAfterMs(headers: Headers, nowMs: number): number | null {
  const reset = seconds(headers.get('ratelimit-reset'))
  const header = headers.get('retry-after')
  let retry = seconds(header)
  if (retry === null && header && isHttpDate(header)) {
    const at = Date.parse(header)
    if (!Number.isNaN(at)) retry = Math.max(0, at - nowMs)
  }
  return reset === null ? retry : retry === null ? reset : Math.max(reset, retry)
}
