// The tabs' fetch: the mock's, checking every request as it leaves (ARCHITECTURE.md, "Tokens",
// rules 2, 3, 5 and 14) and adding the sequence's latency on the fake clock.
import { mock, sleep } from './clock'
import { PATHS } from '../../../src/client/paths'
import type { Route } from './steps'
import type { Shared, Tab } from './tab'

const bearer = (input: RequestInfo | URL, init?: RequestInit): string | null => {
  const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined))
  const value = headers.get('authorization')
  return value?.startsWith('Bearer ') ? value.slice(7) : value
}

const RESOURCE_PATHS = new Set(Object.values(PATHS))

/** The mock's fetch, deaf to aborts (so a late answer of an earlier identity reaches the store), checking each request. */
export function wire(tab: () => Tab, shared: Shared): typeof fetch {
  const inflight = new Map<string, number>()
  return async (input, init) => {
    const t = tab()
    const url = new URL(input instanceof Request ? input.url : String(input))
    const path = url.pathname
    const label = `tab ${t.slot} ${path}${url.searchParams.has('starting_after') ? ' (page 2+)' : ''}`
    if (t.destroyed) shared.report('request: after destroy()', label)
    if (!path.endsWith('/revoke')) checkToken(t, shared, bearer(input, init), label, url.searchParams.has('starting_after'))
    const session = t.store.$session.get()
    if (session.rateLimitedUntil !== null && Date.now() < session.rateLimitedUntil) shared.report('rule 5: request during a cool-down', label)
    const n = (inflight.get(path) ?? 0) + 1
    // rule 3 is about resources: each action call (a portal link, a revoke) is a request of its own
    if (n > 1 && RESOURCE_PATHS.has(path)) shared.report('rule 3: two requests in flight for one resource', label)
    inflight.set(path, n)
    let counted = true
    const release = () => { if (counted) { counted = false; inflight.set(path, inflight.get(path)! - 1) } }
    init?.signal?.addEventListener('abort', release, { once: true })
    try {
      const delay = takeLatency(shared, path)
      if (delay > 0) await sleep(delay)
      mock.busy++
      try {
        const response = await shared.world.api.fetch(input, { ...init, signal: undefined })
        // Read inside the count, so the body is no real work left once fake time moves on.
        const body = await response.text()
        return new Response(body === '' ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers })
      } finally { mock.busy-- }
    } finally { release() }
  }
}

const ROUTES: Record<Exclude<Route, '*'>, string> = { permissions: '/permissions', roles: '/roles', profile: '/user_profile' }

/** Latency faults stack, each for `left` more requests of its route. */
function takeLatency(shared: Shared, path: string): number {
  let total = 0
  for (const l of shared.latency) {
    if (l.left <= 0 || (l.route !== '*' && !path.endsWith(ROUTES[l.route]))) continue
    l.left--
    total += l.ms
  }
  return total
}

function checkToken(t: Tab, shared: Shared, token: string | null, label: string, page2: boolean): void {
  const info = token ? shared.world.info(token) : undefined
  if (!info) return shared.report('request: without a token of ours', label)
  if (info.exp * 1000 <= Date.now()) shared.report(`Tokens: expired token sent${page2 ? ' on page 2+' : ''}`, `${label} with ${info.who.key}/${info.variant}`)
  const out = shared.forbidden.get(token!)
  // Rule 14's reach: this tab signed the token out, or was of that identity when another tab did.
  if (out && (t.ignored.has(token!) || t.toldOf.has(token!))) shared.report(`rule 14: signed-out token sent${t.ignored.has(token!) ? '' : ' (by a tab that never held it)'}`, `${label} with ${info.who.key}/${info.variant}, ${out}`)
  const session = t.store.$session.get()
  if (session.userId !== info.who.user || session.orgCode !== info.who.org) {
    shared.report('rule 2: request with the token of another identity than the session', `${label} with ${info.who.key}, session ${session.userId ?? 'signed out'} ${session.orgCode ?? ''}`)
  }
}
