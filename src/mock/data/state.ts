import type {
  MockEntitlement, MockFeatureFlag, MockFlagValue, MockMembership, MockPlan, MockProfile, MockProperty, MockRole,
  MockSeed, MockUser, OrgScope,
} from '../types'
import { flagType, permission } from './catalog'
import { mockId, nameOf } from './ids'

/** The live API data: a private copy of the seed that the mutation helpers change. */
export function createState(seed: MockSeed, now: () => number) {
  const data: MockSeed = structuredClone(seed)

  function user(userId: string): MockUser {
    const found = data.users.find((u) => u.profile.id === userId)
    if (!found) throw new Error(`kinde-account-sync/mock: unknown user "${userId}"`)
    return found
  }
  function membership(userId: string, scope: OrgScope = {}): MockMembership {
    const u = user(userId)
    const found = scope.orgCode === undefined ? u.memberships[0] : u.memberships.find((m) => m.org_code === scope.orgCode)
    if (!found) throw new Error(`kinde-account-sync/mock: user "${userId}" is not in org "${scope.orgCode ?? '(none)'}"`)
    return found
  }
  /** For requests: null instead of throwing, since a token may name a user or org that is gone. */
  function find(userId: string, orgCode: string | null) {
    const u = data.users.find((x) => x.profile.id === userId)
    const m = u && orgCode !== null ? u.memberships.find((x) => x.org_code === orgCode) ?? null : null
    return u ? { user: u, membership: m } : null
  }

  function upsert<T extends { key: string }>(list: T[], key: string, make: () => T, patch: (item: T) => void) {
    const found = list.find((item) => item.key === key)
    if (found) patch(found)
    else list.push(make())
  }

  return {
    data, user, membership, find,
    userIds: () => data.users.map((u) => u.profile.id),
    orgCodes: (userId: string) => user(userId).memberships.map((m) => m.org_code),

    setFlag(userId: string, key: string, value: MockFlagValue, opts: OrgScope & { type?: MockFeatureFlag['type'] } = {}) {
      const type = opts.type ?? flagType(value)
      upsert(membership(userId, opts).feature_flags, key,
        () => ({ id: mockId('flag', key), key, name: nameOf(key), type, value }),
        (f) => { f.value = value; f.type = type })
    },
    removeFlag(userId: string, key: string, opts: OrgScope = {}) {
      const m = membership(userId, opts)
      m.feature_flags = m.feature_flags.filter((f) => f.key !== key)
    },
    grantPermission(userId: string, key: string, opts: OrgScope = {}) {
      upsert(membership(userId, opts).permissions, key, () => permission(key), () => {})
    },
    revokePermission(userId: string, key: string, opts: OrgScope = {}) {
      const m = membership(userId, opts)
      m.permissions = m.permissions.filter((p) => p.key !== key)
    },
    setRoles(userId: string, roles: { key: string; name?: string; id?: string }[], opts: OrgScope = {}) {
      const m = membership(userId, opts)
      m.roles = roles.map((r): MockRole => {
        const old = m.roles.find((x) => x.key === r.key)
        return { id: r.id ?? old?.id ?? mockId('role', r.key), key: r.key, name: r.name ?? old?.name ?? nameOf(r.key) }
      })
    },
    setProperty(userId: string, key: string, value: MockProperty['value']) {
      upsert(user(userId).properties, key, () => ({ id: mockId('prop', key), key, name: nameOf(key), value }),
        (p) => { p.value = value })
    },
    removeProperty(userId: string, key: string) {
      const u = user(userId)
      u.properties = u.properties.filter((p) => p.key !== key)
    },
    setEntitlements(userId: string, list: (Partial<MockEntitlement> & { feature_key: string })[], opts: OrgScope = {}) {
      membership(userId, opts).entitlements = list.map((e) => ({
        id: e.id ?? mockId('entitlement', e.feature_key), fixed_charge: e.fixed_charge ?? null,
        price_name: e.price_name ?? nameOf(e.feature_key), unit_amount: e.unit_amount ?? null,
        feature_key: e.feature_key, feature_name: e.feature_name ?? nameOf(e.feature_key),
        entitlement_limit_max: e.entitlement_limit_max ?? null, entitlement_limit_min: e.entitlement_limit_min ?? null,
      }))
    },
    setPlans(userId: string, plans: (Partial<MockPlan> & { key: string })[], opts: OrgScope = {}) {
      membership(userId, opts).plans = plans.map((p) => ({
        key: p.key, name: p.name ?? nameOf(p.key), subscribed_on: p.subscribed_on ?? new Date(now()).toISOString(),
      }))
    },
    setProfile(userId: string, patch: Partial<Omit<MockProfile, 'id' | 'sub'>>) {
      const u = user(userId)
      u.profile = { ...u.profile, updated_at: Math.floor(now() / 1000), ...patch }
    },
  }
}

export type MockState = ReturnType<typeof createState>
