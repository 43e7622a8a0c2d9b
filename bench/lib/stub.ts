// An in-process stub of the Kinde Account API, shared by every subject so that all three libraries
// see the same bytes, the same latency and the same faults. It speaks the spec's JSON (snake_case,
// `data` + `metadata` pagination, ARCHITECTURE.md, "Mock", facts 2 and 3) and nothing more: it is
// a measuring instrument, not a mock (src/mock is the faithful one).

export const PATHS = {
  profile: '/oauth2/v2/user_profile',
  permissions: '/account_api/v1/permissions',
  roles: '/account_api/v1/roles',
  featureFlags: '/account_api/v1/feature_flags',
  properties: '/account_api/v1/properties',
  entitlements: '/account_api/v1/entitlements',
} as const
export type Name = keyof typeof PATHS
export const NAMES = Object.keys(PATHS) as Name[]

export interface StubRequest { at: number; path: string; status: number }

export interface StubOptions {
  /** Items per list resource. */
  items?: number
  /** Milliseconds before each response; `Infinity` never answers. */
  latency?: number
}

export function createStub({ items = 3, latency = 0 }: StubOptions = {}) {
  let version = 1
  let stormUntil = 0
  const requests: StubRequest[] = []
  const itemsFor = (name: Name) => Array.from({ length: items }, (_, i) => item(name, i, version))

  async function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
    const name = NAMES.find((n) => PATHS[n] === url.pathname)
    const at = performance.now()
    if (stub.latency === Infinity) return new Promise(() => {})
    if (stub.latency > 0) await new Promise((r) => setTimeout(r, stub.latency))
    const auth = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get('authorization')
    let res: Response
    if (!name) res = json(404, { errors: [{ code: 'route_not_found', message: 'Not found' }] })
    else if (!auth?.startsWith('Bearer ')) res = json(403, { errors: [{ code: 'invalid_credentials', message: 'Invalid credentials' }] })
    else if (at < stormUntil) {
      const reset = String(Math.ceil((stormUntil - at) / 1000))
      res = json(429, { errors: [{ code: 'too_many_requests', message: 'Request was throttled' }] }, { 'ratelimit-reset': reset })
    } else res = json(200, body(name, url.searchParams))
    requests.push({ at, path: url.pathname, status: res.status })
    return res
  }

  function body(name: Name, q: URLSearchParams): unknown {
    if (name === 'profile') return profile(version)
    const all = itemsFor(name)
    const size = Number(q.get('page_size') ?? 10)
    const after = q.get('starting_after')
    const start = after ? all.findIndex((x) => x.id === after) + 1 : 0
    const page = all.slice(start, start + size)
    const hasMore = start + size < all.length
    const list = name === 'featureFlags' ? 'feature_flags' : name
    const data: Record<string, unknown> = { [list]: page }
    if (name !== 'featureFlags' && name !== 'properties') data.org_code = 'org_bench'
    if (name === 'entitlements') data.plans = [{ key: 'pro', name: `Pro v${version}`, subscribed_on: '2025-06-01T12:00:00Z' }]
    return { data, metadata: { has_more: hasMore, next_page_starting_after: hasMore ? page[page.length - 1]!.id : null } }
  }

  const stub = {
    fetch: fetch as typeof globalThis.fetch,
    requests,
    latency,
    /** Changes every name, so the next response differs from the last. */
    bump() { version++ },
    get version() { return version },
    /** Answer every request with 429 + RateLimit-Reset for `ms` from now. */
    storm(ms: number) { stormUntil = performance.now() + ms },
    count(since = 0, path?: string) {
      return requests.filter((r) => r.at >= since && (!path || r.path === path)).length
    },
  }
  return stub
}
export type Stub = ReturnType<typeof createStub>

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })
}

function profile(v: number) {
  return {
    id: 'kp_bench', sub: 'kp_bench', provided_id: null, name: `Bench User v${v}`, given_name: 'Bench',
    family_name: 'User', email: 'user@example.com', email_verified: true, picture: null,
    preferred_username: 'bench', updated_at: 1700000000,
  }
}

function item(name: Name, i: number, v: number) {
  const id = `${name}_${String(i).padStart(6, '0')}`
  const label = `${name} ${i} v${v}`
  switch (name) {
    case 'featureFlags': return { id, key: `flag_${i}`, name: label, type: 'boolean', value: i % 2 === 0 }
    case 'properties': return { id, key: `prop_${i}`, name: label, value: `value ${i}` }
    case 'entitlements': return {
      id, feature_key: `feature_${i}`, feature_name: label, price_name: `Price ${i}`, fixed_charge: 35,
      unit_amount: null, entitlement_limit_max: 10, entitlement_limit_min: null,
    }
    default: return { id, key: `${name.slice(0, 4)}_${i}`, name: label }
  }
}

/** The stub's data version in any subject's data (snake_case or camelCase): the first ` vN`. */
export function versionOf(data: unknown): number | undefined {
  if (data === undefined || data === null) return undefined
  const m = / v(\d+)"/.exec(JSON.stringify(data))
  return m ? Number(m[1]) : undefined
}
