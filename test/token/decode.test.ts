import { describe, expect, test } from 'vitest'
import { decodeClaims, isExpired } from 'kinde-account-sync'
import { fakeJwt } from './jwt'

describe('decodeClaims', () => {
  test('reads the payload of a JWT', () => {
    const token = fakeJwt({ iss: 'https://acme.kinde.com', sub: 'kp_1', exp: 2000000000, permissions: ['read'] })
    expect(decodeClaims(token)).toEqual({ iss: 'https://acme.kinde.com', sub: 'kp_1', exp: 2000000000, permissions: ['read'] })
  })

  test('decodes UTF-8 text and base64url characters (- and _)', () => {
    // '?>?' style payloads produce '-' and '_' in base64url; non-ASCII checks TextDecoder
    const claims = { sub: 'kp_ü', name: 'Zoë 🚀', x: '??>>??~~' }
    const token = fakeJwt(claims)
    expect(token.split('.')[1]).toMatch(/[-_]/)
    expect(decodeClaims(token)).toEqual(claims)
  })

  test('does not need Buffer', () => {
    const saved = (globalThis as { Buffer?: unknown }).Buffer
    ;(globalThis as { Buffer?: unknown }).Buffer = undefined
    try {
      expect(decodeClaims(fakeJwt({ sub: 'kp_1' }))).toEqual({ sub: 'kp_1' })
    } finally {
      ;(globalThis as { Buffer?: unknown }).Buffer = saved
    }
  })

  test.each([
    ['an opaque token', 'abc123'],
    ['an empty string', ''],
    ['two parts', 'a.b'],
    ['four parts', 'a.b.c.d'],
    ['an empty payload', 'a..c'],
    ['bad base64', 'a.%%%%.c'],
    ['a payload that is not JSON', fakeJwt(null, { raw: '{"sub":' })],
    ['a JSON array payload', fakeJwt(['sub'])],
    ['a JSON string payload', fakeJwt('sub')],
    ['a null payload', fakeJwt(null)],
  ])('returns null for %s, never throws', (_, token) => {
    expect(decodeClaims(token)).toBeNull()
  })

  test('returns null for a value that is not a string', () => {
    expect(decodeClaims(undefined as unknown as string)).toBeNull()
    expect(decodeClaims(42 as unknown as string)).toBeNull()
  })
})

describe('isExpired', () => {
  const exp = 1_700_000_000
  test('is false before exp and true from exp on', () => {
    expect(isExpired({ exp }, exp * 1000 - 1)).toBe(false)
    expect(isExpired({ exp }, exp * 1000)).toBe(true)
    expect(isExpired({ exp }, exp * 1000 + 60_000)).toBe(true)
  })

  test('a token without a numeric exp never counts as expired', () => {
    expect(isExpired({}, Date.now())).toBe(false)
    expect(isExpired({ exp: '1' as unknown as number }, Date.now())).toBe(false)
    expect(isExpired(null, Date.now())).toBe(false)
  })
})
