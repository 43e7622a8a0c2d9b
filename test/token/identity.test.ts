import { describe, expect, test } from 'vitest'
import { identityKey, identityOf, sameIdentity } from 'kinde-account-sync'

const iss = 'https://acme.kinde.com'

describe('identityOf', () => {
  test('takes iss, sub and org_code', () => {
    expect(identityOf({ iss, sub: 'kp_1', org_code: 'org_a' })).toEqual({ iss, sub: 'kp_1', orgCode: 'org_a' })
  })

  test('falls back to x-hasura-org-code', () => {
    expect(identityOf({ iss, sub: 'kp_1', 'x-hasura-org-code': 'org_h' })).toEqual({ iss, sub: 'kp_1', orgCode: 'org_h' })
  })

  test('org_code wins over x-hasura-org-code', () => {
    expect(identityOf({ iss, sub: 'kp_1', org_code: 'org_a', 'x-hasura-org-code': 'org_h' })?.orgCode).toBe('org_a')
  })

  test('has a null orgCode without an org claim', () => {
    expect(identityOf({ iss, sub: 'kp_1' })).toEqual({ iss, sub: 'kp_1', orgCode: null })
  })

  test.each([
    ['no claims', null],
    ['no iss', { sub: 'kp_1' }],
    ['no sub', { iss }],
    ['an empty sub', { iss, sub: '' }],
    ['a numeric sub', { iss, sub: 1 }],
  ])('is null with %s', (_, claims) => {
    expect(identityOf(claims as never)).toBeNull()
  })
})

describe('identityKey and sameIdentity', () => {
  const a = { iss, sub: 'kp_1', orgCode: 'org_a' }

  test('identityKey joins the parts, with - for no org', () => {
    expect(identityKey(a)).toBe(`${iss}|kp_1|org_a`)
    expect(identityKey({ ...a, orgCode: null })).toBe(`${iss}|kp_1|-`)
  })

  test('any difference in domain, user or org is another identity', () => {
    expect(sameIdentity(a, { ...a })).toBe(true)
    expect(sameIdentity(a, { ...a, iss: 'https://other.kinde.com' })).toBe(false)
    expect(sameIdentity(a, { ...a, sub: 'kp_2' })).toBe(false)
    expect(sameIdentity(a, { ...a, orgCode: 'org_b' })).toBe(false)
    expect(sameIdentity(a, { ...a, orgCode: null })).toBe(false)
  })

  test('signed out equals signed out only', () => {
    expect(sameIdentity(null, null)).toBe(true)
    expect(sameIdentity(null, a)).toBe(false)
    expect(sameIdentity(a, undefined)).toBe(false)
  })
})
