import { describe, expect, test } from 'vitest'
import { createAccountClient, type AccountClient } from 'kinde-account-sync'
import { json, stubFetch, TOKEN } from './stub'

// Kinde's CORS preflight allows only Authorization (and Accept, a safelisted header) from a
// browser; any other header, or cookies, and the browser blocks the call (ARCHITECTURE.md, "Mock", fact 9).

const gets: [string, (c: AccountClient) => Promise<unknown>][] = [
  ['getUserProfile', (c) => c.getUserProfile()],
  ['getPermissions', (c) => c.getPermissions()],
  ['getRoles', (c) => c.getRoles()],
  ['getFeatureFlags', (c) => c.getFeatureFlags()],
  ['getProperties', (c) => c.getProperties()],
  ['getEntitlements', (c) => c.getEntitlements()],
  ['getEntitlement', (c) => c.getEntitlement('seats')],
  ['getPage', (c) => c.getPage('roles')],
  ['getPortalLink', (c) => c.getPortalLink({ subnav: 'profile' })],
]

const anyBody = () => json({
  id: 'kp_1', url: 'https://x', data: { entitlement: { feature_key: 'seats' } },
})

describe.each(gets)('%s', (_, call) => {
  test('sends exactly Authorization and Accept, no body, no cookies', async () => {
    const stub = stubFetch(anyBody)
    await call(createAccountClient({ token: TOKEN, fetch: stub.fetch }))
    const req = stub.calls[0]!
    expect(req.method).toBe('GET')
    expect(req.headers).toEqual({ authorization: `Bearer ${TOKEN}`, accept: 'application/json' })
    expect(req.body).toBeNull()
    expect(req.credentials).toBe('omit')
    expect(req.url.href).not.toContain(TOKEN)
  })
})

test.each([
  ['introspect', (c: AccountClient) => c.introspect()],
  ['revoke', (c: AccountClient) => c.revoke({ clientId: 'cid' })],
])('%s sends Authorization, Accept and the form Content-Type, no cookies', async (_, call) => {
  const stub = stubFetch(() => json({ active: true }))
  await call(createAccountClient({ token: TOKEN, fetch: stub.fetch }))
  const req = stub.calls[0]!
  expect(req.headers).toEqual({
    authorization: `Bearer ${TOKEN}`, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded',
  })
  expect(req.credentials).toBe('omit')
  expect(req.url.href).not.toContain(TOKEN)
})

test('the fetch option is used, and a global fetch stubbed later is picked up without it', async () => {
  const stub = stubFetch(() => json({ id: 'kp_1' }))
  const saved = globalThis.fetch
  const client = createAccountClient({ token: TOKEN })
  globalThis.fetch = stub.fetch
  try {
    await client.getUserProfile()
  } finally {
    globalThis.fetch = saved
  }
  expect(stub.calls).toHaveLength(1)
})
