// @vitest-environment node
import { describe, expect, test } from 'vitest'
import { createAccountClient } from 'kinde-account-sync'
import { createMockAccountApi, type MockAccountApi } from 'kinde-account-sync/mock'
import { checkRequest, operations } from './operations'

interface Captured { request: Request; init: RequestInit | undefined }

/** The mock's fetch, wrapped to keep a copy of every request the client sends. */
function capturing(api: MockAccountApi) {
  const captured: Captured[] = []
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    captured.push({ request: request.clone(), init })
    return api.fetch(request)
  }) as typeof globalThis.fetch
  return { captured, fetch }
}

const SUBNAVS = ['profile', 'organization_details', 'organization_payment_details', 'organization_plan_selection',
  'payment_details', 'plan_details', 'plan_selection', 'organization_members', 'organization_plan_details'] as const

async function problemsOf(captured: Captured[]) {
  const problems: string[] = []
  for (const { request, init } of captured) {
    problems.push(...await checkRequest(request))
    const where = `${request.method} ${new URL(request.url).pathname}`
    if (init?.credentials !== 'omit') problems.push(`${where}: credentials ${String(init?.credentials)}, not 'omit' (ARCHITECTURE.md, "Mock", fact 9)`)
    const allowed = request.method === 'GET' ? ['authorization', 'accept'] : ['authorization', 'accept', 'content-type']
    request.headers.forEach((_, name) => { if (!allowed.includes(name)) problems.push(`${where}: header ${name}`) })
  }
  return problems
}

describe('every request the client sends matches the spec', () => {
  test('all ten operations, all pages, every user and org', async () => {
    const api = createMockAccountApi({ omitMetadata: [] })
    const { captured, fetch } = capturing(api)
    for (const userId of api.userIds()) {
      for (const orgCode of api.orgCodes(userId)) {
        const client = createAccountClient({ token: await api.issueToken(userId, { orgCode }), fetch, pageSize: 10 })
        await client.getUserProfile()
        const permissions = await client.getPermissions()
        expect(permissions.permissions).toHaveLength(api.user(userId).memberships.find((m) => m.org_code === orgCode)!.permissions.length)
        await client.getRoles()
        await client.getFeatureFlags()
        await client.getProperties()
        const { entitlements } = await client.getEntitlements()
        for (const e of entitlements) await client.getEntitlement(e.featureKey)
        const page = await client.getPage('permissions', { pageSize: 4 })
        await client.getPage('permissions', { pageSize: 4, startingAfter: page.nextPageStartingAfter })
        for (const subnav of SUBNAVS) await client.getPortalLink({ subnav, returnUrl: 'https://app.example.com/account' })
        await client.getPortalLink()
        await client.introspect()
        await client.introspect({ tokenTypeHint: 'access_token' })
        await client.revoke({ clientId: 'spa_client', tokenTypeHint: 'access_token' })
      }
    }
    const seen = new Set(captured.map(({ request }) => operations.find((o) => o.pattern.test(new URL(request.url).pathname))?.id))
    expect([...seen].sort()).toEqual(operations.map((o) => o.id).sort())
    expect(captured.some(({ request }) => new URL(request.url).searchParams.has('starting_after'))).toBe(true)
    expect(await problemsOf(captured)).toEqual([])
  }, 60_000)

  test('with the default page size and the mock default metadata', async () => {
    const api = createMockAccountApi()
    const { captured, fetch } = capturing(api)
    const client = createAccountClient({ token: await api.issueToken('kp_alice'), fetch })
    await Promise.all([client.getPermissions(), client.getRoles(), client.getFeatureFlags(), client.getProperties(),
      client.getEntitlements(), client.getEntitlement('reports:advanced'), client.getUserProfile()])
    await client.revoke({ clientId: 'spa', clientSecret: 'shh' })
    expect(await problemsOf(captured)).toEqual([])
  })

  test('the request check fails on what the spec does not declare (so it can fail)', async () => {
    const t = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJrcF9ib2IifQ.c2lnbmF0dXJlLW9mLXRoZS1mYWtl'
    const problems = await problemsOf([
      { request: new Request('https://x/account_api/v1/roles?limit=5', { headers: { 'content-type': 'application/json' } }), init: {} },
      { request: new Request('https://x/account_api/v1/entitlement?key=seats', { headers: { authorization: `Bearer ${t}` } }), init: { credentials: 'omit' } },
      { request: new Request('https://x/oauth2/revoke', { method: 'POST', body: new URLSearchParams({ token: t }) }), init: { credentials: 'omit' } },
      { request: new Request('https://x/account_api/v1/portal_link?subnav=billing', { headers: { authorization: `Bearer ${t}` } }), init: { credentials: 'omit' } },
    ])
    expect(problems).toEqual([
      expect.stringContaining('undeclared query parameter limit'),
      expect.stringContaining('no Bearer token'),
      expect.stringContaining('Content-Type on a GET'),
      expect.stringContaining("credentials undefined, not 'omit'"),
      expect.stringContaining('header content-type'),
      expect.stringContaining('/account_api/v1/entitlement: no such path'),
      expect.stringContaining("must have required property 'client_id'"),
      expect.stringContaining('subnav=billing'),
    ])
    const leaky = new Request(`https://x/account_api/v1/roles?page_size=${t}`, { headers: { authorization: `Bearer ${t}` } })
    expect(await checkRequest(leaky)).toEqual(expect.arrayContaining([expect.stringContaining('token in the URL')]))
  })
})
