import { expect, test } from 'vitest'
import { retryAfterMs } from '../../src/client/retry-after'

const now = Date.parse('2026-01-01T00:00:00Z')
const headers = (init: Record<string, string>) => new Headers(init)

test('reads delta-seconds from either header, fractions included', () => {
  expect(retryAfterMs(headers({ 'RateLimit-Reset': '2' }), now)).toBe(2_000)
  expect(retryAfterMs(headers({ 'Retry-After': '1.5' }), now)).toBe(1_500)
  expect(retryAfterMs(headers({ 'Retry-After': '0' }), now)).toBe(0)
})

test('reads Retry-After as an HTTP date; a date in the past is 0', () => {
  expect(retryAfterMs(headers({ 'Retry-After': 'Thu, 01 Jan 2026 00:00:10 GMT' }), now)).toBe(10_000)
  expect(retryAfterMs(headers({ 'Retry-After': 'Wed, 31 Dec 2025 23:59:00 GMT' }), now)).toBe(0)
})

test('takes the larger of the two', () => {
  expect(retryAfterMs(headers({ 'RateLimit-Reset': '5', 'Retry-After': 'Thu, 01 Jan 2026 00:00:10 GMT' }), now)).toBe(10_000)
  expect(retryAfterMs(headers({ 'RateLimit-Reset': '50', 'Retry-After': '10' }), now)).toBe(50_000)
})

test('ignores values it cannot read', () => {
  expect(retryAfterMs(headers({}), now)).toBeNull()
  expect(retryAfterMs(headers({ 'RateLimit-Reset': '-3', 'Retry-After': 'later' }), now)).toBeNull()
  expect(retryAfterMs(headers({ 'RateLimit-Reset': 'abc', 'Retry-After': '4' }), now)).toBe(4_000)
})

test('a number-like Retry-After is never read as a date', () => {
  // Date.parse('-3') and Date.parse('120, 120') are dates in 2001: that would be "retry now" (0)
  expect(retryAfterMs(headers({ 'Retry-After': '-3' }), now)).toBeNull()
})

test('a header sent twice (a proxy and the origin) is read, the larger value wins', () => {
  const twice = new Headers()
  twice.append('Retry-After', '120')
  twice.append('Retry-After', '30')
  expect(retryAfterMs(twice, now)).toBe(120_000)
  const resets = new Headers()
  resets.append('RateLimit-Reset', '5')
  resets.append('RateLimit-Reset', '5')
  expect(retryAfterMs(resets, now)).toBe(5_000)
})
