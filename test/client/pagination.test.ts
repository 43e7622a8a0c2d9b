import { describe, expect, test } from 'vitest'
import { createAccountClient } from 'kinde-account-sync'
import { json, stubFetch, TOKEN } from './stub'

const perm = (n: number) => ({ id: `perm_${n}`, key: `p${n}`, name: `P${n}` })

/** A fetch answering each request with the next of `pages` (their bodies). */
function pagesOf(...pages: unknown[]) {
  const stub = stubFetch((_, i) => json(pages[i] ?? { data: {} }))
  return { client: createAccountClient({ token: TOKEN, fetch: stub.fetch, pageSize: 2 }), calls: stub.calls }
}

describe('all-pages reads', () => {
  test('follow next_page_starting_after and merge every page', async () => {
    const { client, calls } = pagesOf(
      { data: { org_code: 'org_a', permissions: [perm(1), perm(2)] }, metadata: { has_more: true, next_page_starting_after: 'perm_2' } },
      { data: { org_code: 'org_a', permissions: [perm(3), perm(4)] }, metadata: { has_more: true, next_page_starting_after: 'perm_4' } },
      { data: { org_code: 'org_a', permissions: [perm(5)] }, metadata: { has_more: false, next_page_starting_after: 'perm_5' } },
    )
    await expect(client.getPermissions()).resolves.toEqual({ orgCode: 'org_a', permissions: [1, 2, 3, 4, 5].map(perm) })
    expect(calls.map((c) => c.url.search)).toEqual(['?page_size=2', '?page_size=2&starting_after=perm_2', '?page_size=2&starting_after=perm_4'])
  })

  test('the default page_size is 100', async () => {
    const stub = stubFetch(() => json({ data: { roles: [] } }))
    await createAccountClient({ token: TOKEN, fetch: stub.fetch }).getRoles()
    expect(stub.calls[0]!.url.searchParams.get('page_size')).toBe('100')
  })

  test('entitlements merge entitlements and keep each plan once', async () => {
    const plan = { key: 'pro', name: 'Pro', subscribed_on: null }
    const ent = (k: string) => ({ feature_key: k })
    const { client } = pagesOf(
      { data: { org_code: 'org_a', plans: [plan], entitlements: [ent('a')] }, metadata: { has_more: true, next_page_starting_after: 'e1' } },
      { data: { org_code: 'org_a', plans: [plan], entitlements: [ent('b')] }, metadata: { has_more: false } },
    )
    const data = await client.getEntitlements()
    expect(data.plans).toEqual([{ key: 'pro', name: 'Pro', subscribedOn: null }])
    expect(data.entitlements.map((e) => e.featureKey)).toEqual(['a', 'b'])
  })

  test('a missing metadata is the last page', async () => {
    const { client, calls } = pagesOf({ data: { roles: [{ key: 'admin' }] } })
    await expect(client.getRoles()).resolves.toEqual({ orgCode: null, roles: [{ id: null, key: 'admin', name: null }] })
    expect(calls).toHaveLength(1)
  })

  test('a metadata without has_more is the last page', async () => {
    const { client, calls } = pagesOf({ data: { feature_flags: [] }, metadata: { next_page_starting_after: 'flag_9' } })
    await expect(client.getFeatureFlags()).resolves.toEqual({ featureFlags: [] })
    expect(calls).toHaveLength(1)
  })

  test('has_more without a cursor is invalid_response, not a short list', async () => {
    const { client, calls } = pagesOf({ data: { permissions: [perm(1)] }, metadata: { has_more: true } })
    await expect(client.getPermissions()).rejects.toMatchObject({ kind: 'invalid_response', status: 200, path: '/account_api/v1/permissions' })
    expect(calls).toHaveLength(1)
  })

  test('has_more with an empty cursor is invalid_response', async () => {
    const { client } = pagesOf({ data: { permissions: [] }, metadata: { has_more: true, next_page_starting_after: '' } })
    await expect(client.getPermissions()).rejects.toMatchObject({ kind: 'invalid_response' })
  })

  test('a cursor that does not advance is invalid_response', async () => {
    const { client, calls } = pagesOf(
      { data: { properties: [] }, metadata: { has_more: true, next_page_starting_after: 'prop_2' } },
      { data: { properties: [] }, metadata: { has_more: true, next_page_starting_after: 'prop_2' } },
    )
    await expect(client.getProperties()).rejects.toMatchObject({ kind: 'invalid_response' })
    expect(calls).toHaveLength(2)
  })

  test('a cursor that comes back after a detour is invalid_response, not an endless loop', async () => {
    const { client, calls } = pagesOf(
      { data: { roles: [] }, metadata: { has_more: true, next_page_starting_after: 'a' } },
      { data: { roles: [] }, metadata: { has_more: true, next_page_starting_after: 'b' } },
      { data: { roles: [] }, metadata: { has_more: true, next_page_starting_after: 'a' } },
    )
    await expect(client.getRoles()).rejects.toMatchObject({ kind: 'invalid_response' })
    expect(calls).toHaveLength(3)
  })

  test('a failing later page fails the whole read', async () => {
    const stub = stubFetch((_, i) => (i === 0
      ? json({ data: { permissions: [perm(1)] }, metadata: { has_more: true, next_page_starting_after: 'perm_1' } })
      : json({}, 500)))
    await expect(createAccountClient({ token: TOKEN, fetch: stub.fetch }).getPermissions()).rejects.toMatchObject({ kind: 'server' })
  })

  test('aborting between pages stops the read', async () => {
    const controller = new AbortController()
    const stub = stubFetch((_, i) => {
      if (i === 0) controller.abort()
      return json({ data: { permissions: [perm(i)] }, metadata: { has_more: true, next_page_starting_after: `perm_${i}` } })
    })
    const read = createAccountClient({ token: TOKEN, fetch: stub.fetch }).getPermissions({ signal: controller.signal })
    await expect(read).rejects.toMatchObject({ kind: 'aborted' })
    expect(stub.calls).toHaveLength(1)
  })

  test('a wrong-typed has_more is invalid_response', async () => {
    const { client } = pagesOf({ data: { roles: [] }, metadata: { has_more: 'yes', next_page_starting_after: 'x' } })
    await expect(client.getRoles()).rejects.toMatchObject({ kind: 'invalid_response' })
  })
})

describe('getPage', () => {
  test('returns one page with its cursor, for manual paging', async () => {
    const { client, calls } = pagesOf({ data: { org_code: 'org_a', roles: [{ id: 'r1', key: 'a' }] }, metadata: { has_more: true, next_page_starting_after: 'r1' } })
    await expect(client.getPage('roles', { pageSize: 1, startingAfter: 'r0' })).resolves.toEqual({
      data: { orgCode: 'org_a', roles: [{ id: 'r1', key: 'a', name: null }] },
      hasMore: true,
      nextPageStartingAfter: 'r1',
    })
    expect(calls[0]!.url.search).toBe('?page_size=1&starting_after=r0')
  })

  test('uses the client pageSize by default and reports the last page', async () => {
    const { client, calls } = pagesOf({ data: { feature_flags: [] } })
    await expect(client.getPage('featureFlags')).resolves.toEqual({ data: { featureFlags: [] }, hasMore: false, nextPageStartingAfter: null })
    expect(calls[0]!.url.search).toBe('?page_size=2')
  })

  test('rejects a page whose cursor repeats the one asked for', async () => {
    const { client } = pagesOf({ data: { roles: [] }, metadata: { has_more: true, next_page_starting_after: 'r0' } })
    await expect(client.getPage('roles', { startingAfter: 'r0' })).rejects.toMatchObject({ kind: 'invalid_response' })
  })
})
