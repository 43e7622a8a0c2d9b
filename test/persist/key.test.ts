import { describe, expect, test } from 'vitest'
import { persistKey } from '../../src/persist'
import { alice, bob } from './support'

describe('persistKey', () => {
  test('is v1|iss|sub|org|resource', () => {
    expect(persistKey(alice, 'permissions')).toBe('v1|https://acme.kinde.com|kp_alice|org_1|permissions')
  })

  test('writes - for a token without an org', () => {
    expect(persistKey(bob, 'entitlement:seats')).toBe('v1|https://acme.kinde.com|kp_bob|-|entitlement:seats')
  })

  test('an org code that looks like the separator or "no org" cannot collide with another identity', () => {
    const dash = persistKey({ ...bob, orgCode: '-' }, 'roles')
    const piped = persistKey({ ...bob, sub: 'kp_bob|x' }, 'roles')
    expect(dash).not.toBe(persistKey(bob, 'roles'))
    expect(piped.split('|')).toHaveLength(5)
  })
})
