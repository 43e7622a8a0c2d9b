/** Pure delay functions (TanStack retryer.ts, plus full jitter and Retry-After). Random is injectable. */

export interface BackoffOptions {
  /** First delay, ms; doubles on each attempt. @default 1000 */
  baseDelay?: number
  /** Cap on any delay, ms. @default 60_000 */
  maxDelay?: number
}

/** A number in [0, 1), like Math.random. Seed it in tests. */
export type Random = () => number

/**
 * Capped exponential backoff with full jitter: a uniform pick in [0, min(maxDelay, baseDelay·2^attempt)).
 * Full jitter spreads a crowd of clients that failed together (AWS "Exponential Backoff and Jitter").
 * `attempt` counts from 0.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}, random: Random = Math.random): number {
  const { baseDelay = 1000, maxDelay = 60_000 } = options
  const ceiling = Math.min(maxDelay, baseDelay * 2 ** Math.max(0, attempt))
  return Math.floor(random() * ceiling)
}

/** The longest cool-down a server can ask for: a day (a 30-day Retry-After is a misconfiguration, not a plan). */
export const MAX_COOLDOWN = 86_400_000

/**
 * How long a 429 cool-down lasts: the server's `retryAfterMs` when it sent one (never shorter than
 * it asked), else backoff with full jitter starting at 1 s. `attempt` counts consecutive 429s from 0.
 */
export function cooldownDelay(
  retryAfterMs: number | null | undefined, attempt: number, options: BackoffOptions = {}, random: Random = Math.random,
): number {
  if (typeof retryAfterMs === 'number' && Number.isFinite(retryAfterMs) && retryAfterMs >= 0) return Math.min(retryAfterMs, MAX_COOLDOWN)
  // Without a header the minimum wait must still be non-zero, else a storm retries instantly.
  const { baseDelay = 1000, maxDelay = 60_000 } = options
  return Math.max(baseDelay / 2, backoffDelay(attempt, { baseDelay, maxDelay }, random))
}

/** A small deterministic PRNG (mulberry32) for seeded jitter in tests and benchmarks. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
