// The demo server's JSON endpoints: a token for the examples, and the control page's levers,
// each a thin call to the mock's mutation and fault helpers.
import { readJson, sendJson } from './http.mjs'
import { createMockView } from './mock-view.mjs'

/** The Kinde application id of the demo's mock (the examples revoke with it on sign-out). */
export const DEMO_CLIENT_ID = 'kinde_account_sync_demo'

/** Faults the control page can set; each replaces its previous one. */
const FAULTS = {
  throttle: (body) => ({ status: 429, rateLimitReset: clamp(body.seconds ?? 10, 1, 600) }),
  down: () => ({ status: 503, body: { errors: [{ code: 'service_unavailable', message: 'The demo took the API down' }] } }),
  latency: (body) => ({ latency: clamp(body.ms ?? 1000, 0, 30_000) }),
}

const clamp = (n, min, max) => Math.min(max, Math.max(min, Number(n) || 0))

export function createControlApi(mock) {
  const view = createMockView(mock)
  const active = {} // kind → { id, fault }

  function faults() {
    return Object.fromEntries(Object.entries(active).map(([kind, { fault }]) => [kind, fault]))
  }

  function setFault(kind, body) {
    if (active[kind]) mock.clearFault(active[kind].id)
    delete active[kind]
    if (body.on === false) return
    const fault = FAULTS[kind](body)
    active[kind] = { id: mock.fault('*', fault), fault }
  }

  const routes = {
    'GET /demo/users': () => ({ users: view.users() }),
    // Where Kinde's SDK signs in (the vanilla example): the mock's OAuth endpoints and the app id.
    'GET /demo/kinde': () => ({ domain: mock.baseUrl, clientId: DEMO_CLIENT_ID }),
    // The examples' sign-in: a fresh RS256 token from the mock. Never logged, never cached.
    'GET /demo/token': async (_, q) => ({ token: await mock.issueToken(user(q.get('user')), { orgCode: q.get('org') || undefined }) }),
    'GET /demo/state': (_, q) => ({
      ...view.state(user(q.get('user')), q.get('org') || null),
      faults: faults(),
      permissionKeys: view.permissionKeys(),
    }),
    // What reached the API lately: with several tabs open, one leader polls for all of them.
    'GET /demo/requests': () => {
      const all = mock.requests
      const recent = all.slice(-40).reverse().map(({ at, method, path, userId, orgCode, status }) => ({ at, method, path, userId, orgCode, status }))
      const lastTenSeconds = all.filter((r) => r.at > Date.now() - 10_000).length
      if (all.length > 5000) mock.clearRequests() // a long-running demo must not grow without bound
      return { recent, lastTenSeconds }
    },
    'POST /demo/flag': (b) => {
      const value = b.value
      mock.setFlag(user(b.user), b.key, value, { orgCode: b.org || undefined })
      return { ok: true }
    },
    'POST /demo/permission': (b) => {
      const opts = { orgCode: b.org || undefined }
      if (b.granted) mock.grantPermission(user(b.user), b.key, opts)
      else mock.revokePermission(user(b.user), b.key, opts)
      return { ok: true }
    },
    'POST /demo/fault': (b) => {
      if (!(b.kind in FAULTS)) throw new RequestError(`unknown fault kind: ${b.kind}`)
      setFault(b.kind, b)
      return { faults: faults() }
    },
    'POST /demo/reset': () => {
      for (const kind of Object.keys(active)) setFault(kind, { on: false })
      return { faults: faults() }
    },
  }

  function user(id) {
    if (!mock.userIds().includes(id)) throw new RequestError(`unknown user: ${id}`)
    return id
  }

  /** Answers a /demo/* request; returns false for any other path. */
  return async function handle(req, res, url) {
    const route = routes[`${req.method} ${url.pathname}`]
    if (!route) return false
    try {
      const body = req.method === 'POST' ? await readJson(req) : {}
      sendJson(res, 200, await route(body, url.searchParams))
    } catch (error) {
      sendJson(res, error instanceof RequestError ? 400 : 500, { error: String(error?.message ?? error) })
    }
    return true
  }
}

class RequestError extends Error {}
