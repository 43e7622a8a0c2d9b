import { describe, expect, test } from 'vitest'
import { backoffDelay, cooldownDelay, seededRandom } from '../../src/schedule/backoff'

describe('backoffDelay', () => {
  test('full jitter: a pick between 0 and the capped exponential ceiling', () => {
    expect(backoffDelay(0, { baseDelay: 1000 }, () => 0)).toBe(0)
    expect(backoffDelay(0, { baseDelay: 1000 }, () => 0.999999)).toBe(999)
    expect(backoffDelay(3, { baseDelay: 1000 }, () => 0.5)).toBe(4000)
    expect(backoffDelay(20, { baseDelay: 1000, maxDelay: 60_000 }, () => 0.999999)).toBe(59_999)
  })

  test('never exceeds the cap, never negative, whatever the attempt', () => {
    const random = seededRandom(7)
    for (let attempt = 0; attempt < 60; attempt++) {
      const d = backoffDelay(attempt, { baseDelay: 500, maxDelay: 10_000 }, random)
      expect(d).toBeGreaterThanOrEqual(0)
      expect(d).toBeLessThan(10_000)
    }
  })

  test('the same seed gives the same delays', () => {
    const a = seededRandom(99)
    const b = seededRandom(99)
    const run = (r: () => number) => Array.from({ length: 5 }, (_, i) => backoffDelay(i, {}, r))
    expect(run(a)).toEqual(run(b))
  })
})

describe('cooldownDelay', () => {
  test('honours the server: Retry-After / RateLimit-Reset in ms', () => {
    expect(cooldownDelay(2000, 0)).toBe(2000)
    expect(cooldownDelay(0, 5)).toBe(0)
  })

  test('without a header: backoff starting at 1 s, never instant', () => {
    expect(cooldownDelay(null, 0, {}, () => 0)).toBe(500)
    expect(cooldownDelay(null, 0, {}, () => 0.9)).toBe(900)
    expect(cooldownDelay(undefined, 2, {}, () => 0.5)).toBe(2000)
    expect(cooldownDelay(null, 30, { maxDelay: 8000 }, () => 0.999999)).toBeLessThan(8000)
  })
})
