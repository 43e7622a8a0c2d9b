import { describe, expect, test } from 'vitest'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { get } from './helpers'

describe('mock mutations', () => {
  test('flags: set, retype and remove, per org', async () => {
    const api = createMockAccountApi()
    const acme = await api.issueToken('kp_alice')
    const globex = await api.issueToken('kp_alice', { orgCode: 'org_globex' })
    api.setFlag('kp_alice', 'theme', 'night')
    api.setFlag('kp_alice', 'new_flag', 7, { orgCode: 'org_globex' })
    api.removeFlag('kp_alice', 'dark_mode')
    const flags = async (token: string) => (await get(api, '/account_api/v1/feature_flags', token)).body.data.feature_flags
    const a = await flags(acme)
    expect(a.find((f: any) => f.key === 'theme')).toMatchObject({ type: 'string', value: 'night' })
    expect(a.find((f: any) => f.key === 'dark_mode')).toBeUndefined()
    const g = await flags(globex)
    expect(g.find((f: any) => f.key === 'new_flag')).toMatchObject({ type: 'integer', value: 7, id: expect.stringMatching(/^flag_/) })
    expect(g.find((f: any) => f.key === 'theme').value).toBe('forest')
  })

  test('permissions: grant is idempotent, revoke removes', async () => {
    const api = createMockAccountApi()
    const token = await api.issueToken('kp_bob')
    api.grantPermission('kp_bob', 'manage:sso')
    api.grantPermission('kp_bob', 'manage:sso')
    api.revokePermission('kp_bob', 'read:reports')
    const keys = (await get(api, '/account_api/v1/permissions?page_size=100', token)).body.data.permissions.map((p: any) => p.key)
    expect(keys.filter((k: string) => k === 'manage:sso')).toHaveLength(1)
    expect(keys).not.toContain('read:reports')
  })

  test('roles, properties, entitlements, plans and profile', async () => {
    const api = createMockAccountApi({ now: () => 1_800_000_000_000 })
    const token = await api.issueToken('kp_carol')
    api.setRoles('kp_carol', [{ key: 'admin' }, { key: 'auditor', name: 'Auditor' }])
    api.setProperty('kp_carol', 'kp_usr_city', 'Montreal')
    api.setProperty('kp_carol', 'shoe_size', 42)
    api.removeProperty('kp_carol', 'desk_floor')
    api.setEntitlements('kp_carol', [{ feature_key: 'seats', entitlement_limit_max: 99 }])
    api.setPlans('kp_carol', [{ key: 'enterprise', name: 'Enterprise' }])
    api.setProfile('kp_carol', { given_name: 'Caroline', name: 'Caroline Chen' })

    const roles = (await get(api, '/account_api/v1/roles', token)).body.data.roles
    expect(roles).toEqual([{ id: expect.stringMatching(/^role_/), key: 'admin', name: 'Admin' },
      { id: expect.stringMatching(/^role_/), key: 'auditor', name: 'Auditor' }])
    const props = (await get(api, '/account_api/v1/properties?page_size=100', token)).body.data.properties
    expect(props.find((p: any) => p.key === 'kp_usr_city').value).toBe('Montreal')
    expect(props.find((p: any) => p.key === 'shoe_size').value).toBe(42)
    expect(props.find((p: any) => p.key === 'desk_floor')).toBeUndefined()
    const ents = (await get(api, '/account_api/v1/entitlements', token)).body.data
    expect(ents.entitlements).toEqual([{ id: expect.stringMatching(/^entitlement_/), fixed_charge: null, price_name: 'Seats',
      unit_amount: null, feature_key: 'seats', feature_name: 'Seats', entitlement_limit_max: 99, entitlement_limit_min: null }])
    expect(ents.plans).toEqual([{ key: 'enterprise', name: 'Enterprise', subscribed_on: '2027-01-15T08:00:00.000Z' }])
    const profile = (await get(api, '/oauth2/v2/user_profile', token)).body
    expect(profile).toMatchObject({ given_name: 'Caroline', name: 'Caroline Chen', updated_at: 1_800_000_000 })
  })

  test('mutations on unknown users or orgs throw', () => {
    const api = createMockAccountApi()
    expect(() => api.setFlag('kp_zed', 'x', true)).toThrow(/unknown user/)
    expect(() => api.grantPermission('kp_bob', 'x', { orgCode: 'org_globex' })).toThrow(/not in org/)
  })

  test('a custom seed is copied, never changed', async () => {
    const seed = { orgs: [], users: [createMockAccountApi().user('kp_bob')] }
    const api = createMockAccountApi({ seed })
    api.setProperty('kp_bob', 'kp_usr_city', 'York')
    expect(api.userIds()).toEqual(['kp_bob'])
    expect(seed.users[0]!.properties.find((p) => p.key === 'kp_usr_city')!.value).toBe('Leeds')
  })
})
