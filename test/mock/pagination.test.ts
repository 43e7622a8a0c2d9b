import { describe, expect, test } from 'vitest'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { allPages, get } from './helpers'

const LISTS = [
  ['/account_api/v1/permissions', 'permissions'],
  ['/account_api/v1/roles', 'roles'],
  ['/account_api/v1/properties', 'properties'],
  ['/account_api/v1/entitlements', 'entitlements'],
] as const

describe('mock pagination', () => {
  test('page_size defaults to 10 and the cursor is the last item id', async () => {
    const api = createMockAccountApi()
    const token = await api.issueToken('kp_alice')
    const first = await get(api, '/account_api/v1/permissions', token)
    expect(first.body.data.permissions).toHaveLength(10)
    expect(first.body.metadata).toEqual({ has_more: true, next_page_starting_after: first.body.data.permissions[9].id })
    const second = await get(api, `/account_api/v1/permissions?starting_after=${first.body.metadata.next_page_starting_after}`, token)
    expect(second.body.data.permissions[0].key).toBe('read:settings')
  })

  test("Alice's permissions, roles and properties take several pages of 10", async () => {
    const api = createMockAccountApi()
    const token = await api.issueToken('kp_alice')
    for (const [path, field] of LISTS) {
      const { items, pages } = await allPages(api, path, field, token)
      expect(pages.length, path).toBeGreaterThanOrEqual(2)
      expect(new Set(items.map((i) => i.id)).size, path).toBe(items.length)
      const whole = await get(api, `${path}?page_size=1000`, token)
      expect(items, path).toEqual(whole.body.data[field])
      expect(whole.body.metadata).toEqual({ has_more: false, next_page_starting_after: items[items.length - 1].id })
    }
  })

  test('every page of entitlements carries the plans and the org code', async () => {
    const api = createMockAccountApi()
    const { pages } = await allPages(api, '/account_api/v1/entitlements', 'entitlements', await api.issueToken('kp_bob'), 5)
    expect(pages).toHaveLength(3)
    for (const page of pages) {
      expect(page.data.org_code).toBe('org_acme')
      expect(page.data.plans.map((p: any) => p.key)).toEqual(['pro'])
    }
  })

  test('feature flags answer in one piece without metadata, as the spec shows', async () => {
    const api = createMockAccountApi()
    const { body } = await get(api, '/account_api/v1/feature_flags?page_size=2', await api.issueToken('kp_alice'))
    expect(body.data.feature_flags).toHaveLength(15)
    expect(body).not.toHaveProperty('metadata')
  })

  test('omitMetadata chooses which lists answer without metadata', async () => {
    const api = createMockAccountApi({ omitMetadata: ['roles'] })
    const token = await api.issueToken('kp_alice')
    const flags = await allPages(api, '/account_api/v1/feature_flags', 'feature_flags', token)
    expect(flags.pages).toHaveLength(2)
    expect(flags.items).toHaveLength(15)
    const roles = await get(api, '/account_api/v1/roles', token)
    expect(roles.body.data.roles).toHaveLength(12)
    expect(roles.body).not.toHaveProperty('metadata')
  })

  test('an empty list has has_more false and no cursor', async () => {
    const api = createMockAccountApi()
    api.setRoles('kp_bob', [])
    const { body } = await get(api, '/account_api/v1/roles', await api.issueToken('kp_bob'))
    expect(body).toEqual({ data: { org_code: 'org_acme', roles: [] }, metadata: { has_more: false } })
  })

  test('a bad page_size or an unknown cursor is a 400', async () => {
    const api = createMockAccountApi()
    const token = await api.issueToken('kp_alice')
    for (const query of ['page_size=0', 'page_size=-3', 'page_size=ten', 'page_size=2.5', 'starting_after=perm_nope']) {
      const { status, body } = await get(api, `/account_api/v1/permissions?${query}`, token)
      expect(status, query).toBe(400)
      expect(body.errors[0].code).toBe('invalid_request')
    }
  })
})
