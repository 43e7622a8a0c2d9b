// The world the random sequences run in: one mock Kinde, four identities (a user in an org) whose
// data differs in ways a derived value can see, a pool of tokens per identity, and each
// identity's server data (what a resource must hold for it).
import { createMockAccountApi, type MockAccountApi } from 'kinde-account-sync/mock'
import { createAccountStore, type ResourceName } from 'kinde-account-sync'
import { isDeepStrictEqual } from 'node:util'

export const NAMES: ResourceName[] = ['profile', 'permissions', 'roles', 'featureFlags', 'properties', 'entitlements']
/** Fake time starts here at every sequence, so token lifetimes are fixed instants. */
export const START = Date.UTC(2026, 0, 1, 12)
const at = (seconds: number) => Math.floor(START / 1000) + seconds

export interface Who { key: string; user: string; org: string }
/** alice@acme and alice@globex are an org switch; the rest are user switches. */
export const IDENTITIES: Who[] = [
  { key: 'alice@acme', user: 'kp_alice', org: 'org_acme' },
  { key: 'alice@globex', user: 'kp_alice', org: 'org_globex' },
  { key: 'bob@acme', user: 'kp_bob', org: 'org_acme' },
  { key: 'carol@globex', user: 'kp_carol', org: 'org_globex' },
]

/**
 * long: valid for years; fresh: same identity, other claims (its `who` flag claim differs from
 * the API's); short / late: expire 6 s / 30 s into a sequence; expired: never valid; final: only
 * used when a sequence converges, so it is always news to the store.
 */
export const VARIANTS = ['long', 'fresh', 'short', 'late', 'expired', 'final'] as const
export type Variant = (typeof VARIANTS)[number]
const EXP: Record<Variant, number> = {
  long: at(10 * 365 * 86400), fresh: at(10 * 365 * 86400), final: at(10 * 365 * 86400), short: at(6), late: at(30), expired: at(-60),
}

export interface TokenInfo { who: Who; variant: Variant; exp: number }

export interface World {
  api: MockAccountApi
  token(who: Who, variant: Variant): string
  info(token: string): TokenInfo | undefined
  /** The identities whose server data for `name` is deep-equal to `data`. */
  owners(name: ResourceName, data: unknown): string[]
}

/** Flag and property `who` answer the identity (or the user); `who:<key>` / `who-<key>` exist for one identity only. */
async function distinguish(api: MockAccountApi): Promise<void> {
  for (const who of IDENTITIES) {
    if (!api.orgCodes(who.user).includes(who.org)) throw new Error(`seed changed: ${who.key}`)
    const orgCode = who.org
    const member = api.user(who.user).memberships.find((m) => m.org_code === orgCode)!
    api.setFlag(who.user, 'who', who.key, { orgCode, type: 'string' })
    api.grantPermission(who.user, `who:${who.key}`, { orgCode })
    api.setRoles(who.user, [...member.roles, { key: `who-${who.key}` }], { orgCode })
    api.setEntitlements(who.user, [...member.entitlements, { feature_key: `who-${who.key}` }], { orgCode })
    api.setProperty(who.user, 'who', who.user)
  }
}

export async function createWorld(): Promise<World> {
  const api = createMockAccountApi({ now: () => Date.now() })
  await distinguish(api)
  const tokens = new Map<string, string>()
  const infos = new Map<string, TokenInfo>()
  for (const who of IDENTITIES) {
    for (const variant of VARIANTS) {
      const claims: Record<string, unknown> = { exp: EXP[variant], iat: at(-120) }
      if (variant === 'fresh') claims.feature_flags = { who: { t: 's', v: `${who.key}~claim` } }
      const token = await api.issueToken(who.user, { orgCode: who.org, claims })
      tokens.set(`${who.key}|${variant}`, token)
      infos.set(token, { who, variant, exp: EXP[variant] })
    }
  }
  // Each identity's server data, read once through a plain store.
  const truth: Record<string, Record<string, unknown>> = {}
  for (const who of IDENTITIES) {
    const store = createAccountStore({ token: tokens.get(`${who.key}|long`)!, fetch: api.fetch, persist: false, crossTab: false })
    await store.refresh()
    truth[who.key] = Object.fromEntries(NAMES.map((n) => [n, store[n].get().data]))
    if (NAMES.some((n) => truth[who.key]![n] === undefined)) throw new Error(`no server data for ${who.key}`)
    store.destroy()
  }
  const seen = Object.fromEntries(NAMES.map((n) => [n, new WeakMap<object, string[]>()])) as Record<ResourceName, WeakMap<object, string[]>>
  return {
    api,
    token: (who, variant) => tokens.get(`${who.key}|${variant}`)!,
    info: (token) => infos.get(token),
    owners(name, data) {
      if (typeof data !== 'object' || data === null) return []
      const hit = seen[name].get(data)
      if (hit) return hit
      const found = IDENTITIES.filter((w) => isDeepStrictEqual(truth[w.key]![name], data)).map((w) => w.key)
      seen[name].set(data, found)
      return found
    },
  }
}
