import { describe, expect, test } from 'vitest'
import { claimFlags, claimPermissions, claimRoles, decodeClaims } from 'kinde-account-sync'
import { fakeJwt } from './jwt'

describe('claimPermissions', () => {
  test('reads permissions, else x-hasura-permissions', () => {
    expect(claimPermissions({ permissions: ['read', 'write'] })).toEqual(['read', 'write'])
    expect(claimPermissions({ 'x-hasura-permissions': ['read'] })).toEqual(['read'])
  })
  test('is undefined when the token carries no permissions claim, [] when it is empty', () => {
    expect(claimPermissions({})).toBeUndefined()
    expect(claimPermissions(null)).toBeUndefined()
    expect(claimPermissions({ permissions: [] })).toEqual([])
  })
  test('drops entries that are not strings', () => {
    expect(claimPermissions({ permissions: ['a', 1, null, 'b'] as never })).toEqual(['a', 'b'])
  })
})

describe('claimRoles', () => {
  test('reads role keys from roles, else x-hasura-roles', () => {
    expect(claimRoles({ roles: [{ id: 'r1', key: 'admin', name: 'Admin' }, { key: 'viewer' }] })).toEqual(['admin', 'viewer'])
    expect(claimRoles({ 'x-hasura-roles': [{ key: 'admin' }] })).toEqual(['admin'])
  })
  test('accepts bare keys and skips entries without a key', () => {
    expect(claimRoles({ roles: ['admin', { name: 'x' }, null] as never })).toEqual(['admin'])
  })
  test('is undefined without a roles claim', () => {
    expect(claimRoles({ sub: 'kp_1' })).toBeUndefined()
    expect(claimRoles({ roles: 'admin' as never })).toBeUndefined()
  })
})

describe('claimFlags', () => {
  test('decodes each type code', () => {
    expect(claimFlags({
      feature_flags: {
        beta: { t: 'b', v: true },
        seats: { t: 'i', v: 5 },
        theme: { t: 's', v: 'dark' },
        config: { t: 'j', v: { a: 1 } },
        config_text: { t: 'j', v: '{"b":2}' },
      },
    })).toEqual({ beta: true, seats: 5, theme: 'dark', config: { a: 1 }, config_text: { b: 2 } })
  })

  test('reads x-hasura-feature-flags when feature_flags is absent', () => {
    expect(claimFlags({ 'x-hasura-feature-flags': { beta: { t: 'b', v: false } } })).toEqual({ beta: false })
  })

  test('leaves out flags whose value does not fit their type', () => {
    expect(claimFlags({
      feature_flags: {
        a: { t: 'b', v: 'true' }, b: { t: 'i', v: 1.5 }, c: { t: 's', v: 3 }, d: { t: 'j', v: '{bad' },
        e: { t: 'j', v: [1] }, f: null as never, g: { t: 'b' }, ok: { t: 'b', v: true },
      },
    })).toEqual({ ok: true })
  })

  test('trusts a flag value without a type code', () => {
    expect(claimFlags({ feature_flags: { a: { v: 'x' }, b: { v: [1] } } })).toEqual({ a: 'x' })
  })

  test('a __proto__ flag does not change the prototype', () => {
    const claims = decodeClaims(fakeJwt(null, {
      raw: '{"feature_flags":{"__proto__":{"t":"b","v":true},"ok":{"t":"b","v":true}}}',
    }))
    expect(Object.keys((claims as { feature_flags: object }).feature_flags)).toContain('__proto__')
    const flags = claimFlags(claims)!
    expect(Object.getPrototypeOf(flags)).toBe(Object.prototype)
    expect(flags).toEqual({ ok: true })
  })

  test('is undefined without a flags claim', () => {
    expect(claimFlags({})).toBeUndefined()
    expect(claimFlags({ feature_flags: [] as never })).toBeUndefined()
  })
})
