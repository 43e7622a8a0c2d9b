// What the control page shows about a user, read straight from the mock's state (not through
// its HTTP routes, so it stays readable while the API is throttled or down).

/** @param {ReturnType<typeof import('../../src/mock/index.ts').createMockAccountApi>} mock */
export function createMockView(mock) {
  const membership = (userId, org) => {
    const user = mock.user(userId)
    return user.memberships.find((m) => m.org_code === org) ?? user.memberships[0]
  }

  return {
    /** Every seeded user with their orgs, for the examples' user picker. */
    users() {
      return mock.userIds().map((id) => {
        const { profile } = mock.user(id)
        return { id, name: profile.name ?? id, email: profile.email ?? null, picture: profile.picture ?? null, orgs: mock.orgCodes(id) }
      })
    },
    /** Every permission key any user holds, for the control page's grant list. */
    permissionKeys() {
      const keys = mock.userIds().flatMap((id) => mock.user(id).memberships.flatMap((m) => m.permissions.map((p) => p.key)))
      return [...new Set(keys)].sort()
    },
    /** One user's flags and permission keys in an org (default: their first). */
    state(userId, org) {
      const m = membership(userId, org)
      return {
        org: m?.org_code ?? null,
        flags: (m?.feature_flags ?? []).map((f) => ({ key: f.key, type: f.type, value: f.value })),
        permissions: (m?.permissions ?? []).map((p) => p.key),
      }
    },
  }
}
