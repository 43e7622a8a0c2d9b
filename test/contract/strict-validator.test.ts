// @vitest-environment node
import { describe, expect, test } from 'vitest'
import { compile } from './spec'

// The contract checks are only worth something if they can fail: prove it.
describe('strict spec schemas', () => {
  const permissions = compile('get_user_permissions_response')
  const good = { data: { org_code: 'org_a', permissions: [{ id: 'perm_1', key: 'read', name: 'Read' }] },
    metadata: { has_more: false, next_page_starting_after: 'perm_1' } }

  test('accept a documented response', () => {
    expect(permissions(good)).toBe(true)
  })

  test('reject an undocumented field, at any depth', () => {
    expect(permissions({ ...good, extra: 1 })).toBe(false)
    expect(permissions({ ...good, data: { ...good.data, permissions: [{ id: 'perm_1', key: 'read', name: 'Read', keyy: 1 }] } })).toBe(false)
    expect(permissions({ ...good, metadata: { has_more: false, cursor: 'x' } })).toBe(false)
    expect(permissions.errors?.[0]).toMatchObject({ keyword: 'additionalProperties', params: { additionalProperty: 'cursor' } })
  })

  test('reject an item without its key (ARCHITECTURE.md, "Mock", fact 11)', () => {
    expect(permissions({ data: { permissions: [{ id: 'perm_1', name: 'Read' }] } })).toBe(false)
    expect(permissions.errors?.[0]).toMatchObject({ keyword: 'required', params: { missingProperty: 'key' } })
    const entitlements = compile('get_entitlements_response')
    expect(entitlements({ data: { entitlements: [{ id: 'e', feature_name: 'Seats' }] } })).toBe(false)
    expect(entitlements.errors?.[0]).toMatchObject({ params: { missingProperty: 'feature_key' } })
  })

  test('reject wrong types: a camelCase field, a null where the spec has none, a non-ISO date', () => {
    const profile = compile('user_profile_v2')
    expect(profile({ id: 'kp_1', sub: 'kp_1', givenName: 'A' })).toBe(false)
    expect(profile({ id: 'kp_1', sub: 'kp_1', email: null })).toBe(false)
    expect(profile({ id: 'kp_1', sub: 'kp_1', picture: null })).toBe(true)
    const entitlements = compile('get_entitlements_response')
    expect(entitlements({ data: { plans: [{ key: 'pro', subscribed_on: 'June 1st' }] } })).toBe(false)
  })

  test('the complete variant requires every documented field', () => {
    const complete = compile('get_user_permissions_response', { complete: true })
    expect(complete(good)).toBe(true)
    expect(complete({ data: { permissions: [{ id: 'perm_1', key: 'read' }] } })).toBe(false)
  })
})
