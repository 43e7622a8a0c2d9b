import { describe, expect, test } from 'vitest'
import { createAccountClient, type AccountClient } from 'kinde-account-sync'
import { json, stubFetch, text, TOKEN } from './stub'

const answering = (response: () => Response) => createAccountClient({ token: TOKEN, fetch: stubFetch(response).fetch })
const body = (value: unknown) => answering(() => json(value))

type Op = (c: AccountClient) => Promise<unknown>
const operations: [string, Op][] = [
  ['getUserProfile', (c) => c.getUserProfile()],
  ['getPermissions', (c) => c.getPermissions()],
  ['getRoles', (c) => c.getRoles()],
  ['getFeatureFlags', (c) => c.getFeatureFlags()],
  ['getProperties', (c) => c.getProperties()],
  ['getEntitlements', (c) => c.getEntitlements()],
  ['getEntitlement', (c) => c.getEntitlement('seats')],
  ['getPortalLink', (c) => c.getPortalLink()],
  ['introspect', (c) => c.introspect()],
]

describe.each(operations)('%s rejects a broken 200 as invalid_response', (_, op) => {
  test.each([
    ['malformed JSON', () => text('{"data": {', 200, { 'content-type': 'application/json' })],
    ['an HTML page', () => text('<!doctype html><p>hi', 200, { 'content-type': 'text/html' })],
    ['an empty body', () => new Response(null, { status: 200 })],
    ['a JSON array', () => json([])],
    ['a JSON string', () => json('ok')],
    ['an object of the wrong shape', () => json({ data: 'nope', url: 5, active: 'yes', id: 7 })],
  ])('%s', async (_, response) => {
    await expect(op(answering(response))).rejects.toMatchObject({ name: 'AccountApiError', kind: 'invalid_response', status: 200 })
  })
})

describe('items', () => {
  test('missing optional fields become null and missing arrays []', async () => {
    await expect(body({ data: {} }).getEntitlements()).resolves.toEqual({ orgCode: null, plans: [], entitlements: [] })
    await expect(body({ data: { entitlements: [{ feature_key: 'seats' }] } }).getEntitlements()).resolves.toEqual({
      orgCode: null, plans: [],
      entitlements: [{ id: null, featureKey: 'seats', featureName: null, priceName: null, fixedCharge: null, unitAmount: null, entitlementLimitMax: null, entitlementLimitMin: null }],
    })
    await expect(body({ id: 'kp_1' }).getUserProfile()).resolves.toEqual({
      id: 'kp_1', sub: 'kp_1', providedId: null, name: null, givenName: null, familyName: null, email: null,
      emailVerified: null, picture: null, preferredUsername: null, updatedAt: null,
    })
    await expect(body({ data: { properties: [{ key: 'k' }] } }).getProperties()).resolves.toEqual({ properties: [{ id: null, key: 'k', name: null, value: null }] })
  })

  test.each([
    ['a permission without key', () => body({ data: { permissions: [{ id: 'p1', name: 'x' }] } }).getPermissions()],
    ['a role with an empty key', () => body({ data: { roles: [{ key: '' }] } }).getRoles()],
    ['a flag without key', () => body({ data: { feature_flags: [{ value: true }] } }).getFeatureFlags()],
    ['a property without key', () => body({ data: { properties: [{ value: 1 }] } }).getProperties()],
    ['an entitlement without feature_key', () => body({ data: { entitlements: [{ id: 'e1' }] } }).getEntitlements()],
    ['a plan without key', () => body({ data: { plans: [{ name: 'Pro' }] } }).getEntitlements()],
    ['a single entitlement without feature_key', () => body({ data: { entitlement: { id: 'e1' } } }).getEntitlement('x')],
    ['a single entitlement missing', () => body({ data: { org_code: 'o' } }).getEntitlement('x')],
    ['a profile without id or sub', () => body({ name: 'x' }).getUserProfile()],
    ['a portal link without url', () => body({}).getPortalLink()],
    ['an introspection without active', () => body({ aud: [] }).introspect()],
  ])('%s is invalid_response', async (_, call) => {
    await expect(call()).rejects.toMatchObject({ kind: 'invalid_response' })
  })

  test.each([
    ['a numeric name', () => body({ data: { permissions: [{ key: 'k', name: 5 }] } }).getPermissions()],
    ['permissions that are not a list', () => body({ data: { permissions: { key: 'k' } } }).getPermissions()],
    ['an item that is not an object', () => body({ data: { roles: ['admin'] } }).getRoles()],
    ['an org_code that is a number', () => body({ data: { org_code: 1, roles: [] } }).getRoles()],
    ['a string fixed_charge', () => body({ data: { entitlements: [{ feature_key: 'a', fixed_charge: '35' }] } }).getEntitlements()],
    ['a flag value that is a list', () => body({ data: { feature_flags: [{ key: 'f', value: [1] }] } }).getFeatureFlags()],
    ['a flag without value', () => body({ data: { feature_flags: [{ key: 'f', type: 'boolean' }] } }).getFeatureFlags()],
    ['a property value that is an object', () => body({ data: { properties: [{ key: 'p', value: { a: 1 } }] } }).getProperties()],
    ['a string email_verified', () => body({ id: 'kp_1', email_verified: 'true' }).getUserProfile()],
    ['a string updated_at', () => body({ id: 'kp_1', updated_at: '2025-01-01' }).getUserProfile()],
    ['an aud list of numbers', () => body({ active: true, aud: [1] }).introspect()],
  ])('a wrong-typed field (%s) is invalid_response', async (_, call) => {
    const error = await call().catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'invalid_response', status: 200 })
    // the message names the field, so the cause is findable
    expect((error as Error).message).toMatch(/data|body/)
  })

  test("a flag's type is inferred when missing", async () => {
    const data = await body({ data: { feature_flags: [{ key: 'a', value: 1 }, { key: 'b', value: 'x' }, { key: 'c', value: false }, { key: 'd', value: {} }] } }).getFeatureFlags()
    expect(data.featureFlags.map((f) => f.type)).toEqual(['integer', 'string', 'boolean', 'object'])
  })

  test('introspection accepts aud as one string', async () => {
    await expect(body({ active: true, aud: 'https://api' }).introspect()).resolves.toMatchObject({ aud: ['https://api'] })
  })

  test('unknown fields are ignored, not copied', async () => {
    const data = await body({ data: { roles: [{ key: 'a', extra_field: 1 }], surprise: true }, metadata: {} }).getRoles()
    expect(data).toEqual({ orgCode: null, roles: [{ id: null, key: 'a', name: null }] })
  })
})
