// @vitest-environment node
import { describe, expect, test } from 'vitest'
import { createMockAccountApi, type MockAccountApi, type MockListRoute } from 'kinde-account-sync/mock'
import { compile, errorsOf } from './spec'

const LISTS: [MockListRoute, string, string][] = [
  ['permissions', '/account_api/v1/permissions', 'get_user_permissions_response'],
  ['roles', '/account_api/v1/roles', 'get_user_roles_response'],
  ['featureFlags', '/account_api/v1/feature_flags', 'get_feature_flags_response'],
  ['properties', '/account_api/v1/properties', 'get_user_properties_response'],
  ['entitlements', '/account_api/v1/entitlements', 'get_entitlements_response'],
]
const SUBNAVS = ['profile', 'organization_details', 'organization_payment_details', 'organization_plan_selection',
  'payment_details', 'plan_details', 'plan_selection', 'organization_members', 'organization_plan_details']

/** Validates against the strict schema and its complete variant (the mock sends every field). */
function check(name: string, body: unknown, where: string) {
  for (const complete of [false, true]) {
    const validate = compile(name, { complete })
    expect(validate(body), `${where} (${complete ? 'complete' : 'strict'}): ${errorsOf(validate)}`).toBe(true)
  }
}

async function call(api: MockAccountApi, path: string, init: RequestInit = {}) {
  const response = await api.fetch(`${api.baseUrl}${path}`, init)
  const text = await response.text()
  if (text) expect(response.headers.get('content-type'), path).toMatch(/^application\/json/)
  return { status: response.status, body: text ? JSON.parse(text) : undefined }
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })

/** Every page of every list, every entitlement, profile, portal links and introspection for one token. */
async function checkEverything(api: MockAccountApi, token: string, who: string) {
  const auth = bearer(token)
  check('user_profile_v2', (await call(api, '/oauth2/v2/user_profile', auth)).body, `${who} profile`)
  for (const [, path, schema] of LISTS) {
    for (const pageSize of [undefined, 3]) {
      let after: string | undefined
      for (let page = 1; page < 30; page++) {
        const query = new URLSearchParams({ ...(pageSize && { page_size: String(pageSize) }), ...(after && { starting_after: after }) })
        const { status, body } = await call(api, `${path}?${query}`, auth)
        expect(status).toBe(200)
        check(schema, body, `${who} ${path}?${query}`)
        if (!body.metadata?.has_more) break
        after = body.metadata.next_page_starting_after
      }
    }
  }
  const all = (await call(api, '/account_api/v1/entitlements?page_size=1000', auth)).body.data
  for (const e of all.entitlements) {
    const { status, body } = await call(api, `/account_api/v1/entitlement/${encodeURIComponent(e.feature_key)}`, auth)
    expect(status).toBe(200)
    check('get_entitlement_response', body, `${who} entitlement ${e.feature_key}`)
  }
  for (const subnav of SUBNAVS) {
    const { body } = await call(api, `/account_api/v1/portal_link?subnav=${subnav}&return_url=https%3A%2F%2Fapp.example.com%2F`, auth)
    check('portal_link', body, `${who} portal ${subnav}`)
  }
  const form = { method: 'POST', body: new URLSearchParams({ token, token_type_hint: 'access_token' }) }
  check('token_introspect', (await call(api, '/oauth2/introspect', form)).body, `${who} introspect`)
}

describe('every mock response matches the strict spec', () => {
  for (const omitMetadata of [undefined, [], ['roles']] as (MockListRoute[] | undefined)[]) {
    test(`all users, all orgs, all pages (omitMetadata ${JSON.stringify(omitMetadata ?? 'default')})`, async () => {
      const api = createMockAccountApi({ omitMetadata })
      for (const userId of api.userIds()) {
        for (const orgCode of [...api.orgCodes(userId), null]) {
          await checkEverything(api, await api.issueToken(userId, { orgCode }), `${userId}@${orgCode}`)
        }
      }
    }, 60_000)
  }

  test('after every kind of mutation', async () => {
    const api = createMockAccountApi()
    api.setFlag('kp_bob', 'layout', { a: [1, 2] })
    api.setFlag('kp_bob', 'limit', 3, { type: 'integer' })
    api.grantPermission('kp_bob', 'brand:new')
    api.setRoles('kp_bob', [{ key: 'x' }])
    api.setProperty('kp_bob', 'flag_prop', false)
    api.setEntitlements('kp_bob', [{ feature_key: 'a b/c' }, { feature_key: 'seats', fixed_charge: 5 }])
    api.setPlans('kp_bob', [{ key: 'team' }])
    api.setProfile('kp_bob', { picture: null, preferred_username: null })
    await checkEverything(api, await api.issueToken('kp_bob'), 'mutated bob')
  })

  test('error bodies: 403, 429, 401, 400 and the empty 200 of revoke', async () => {
    const api = createMockAccountApi()
    const token = await api.issueToken('kp_carol')
    check('error_response', (await call(api, '/account_api/v1/roles', bearer('nope'))).body, '403')
    api.fault('roles', { status: 429, rateLimitReset: 3 }, { times: 1 })
    check('error_response', (await call(api, '/account_api/v1/roles', bearer(token))).body, '429')
    check('error_response', (await call(api, '/oauth2/revoke', { method: 'POST', body: new URLSearchParams({ token }) })).body, '400')
    const revoked = await call(api, '/oauth2/revoke', { method: 'POST', body: new URLSearchParams({ token, client_id: 'spa' }) })
    expect(revoked).toEqual({ status: 200, body: undefined })
    const dead = await call(api, '/oauth2/introspect', { method: 'POST', body: new URLSearchParams({ token }) })
    expect(dead.status).toBe(401)
    check('token_error_response', dead.body, '401')
    const other = await api.issueToken('kp_carol')
    const inactive = await call(api, '/oauth2/introspect', { method: 'POST', ...bearer(other), body: new URLSearchParams({ token }) })
    expect(compile('token_introspect')(inactive.body)).toBe(true)
  })
})
