import { raceAbort, sleep } from './abortable'
import type { MockState } from './data/state'
import type { MockFaults } from './faults'
import { decodePayload, type Signer } from './jwt'
import type { MockLog } from './log'
import { isOAuthRoute, type MockOAuth } from './oauth'
import { OAUTH_PATHS, oauthPreflight } from './oauth/cors'
import { empty, json, kindeError, PREFLIGHT_HEADERS } from './responses'
import { entitlementResponse, listResponse, profileResponse, type AccountContext } from './routes/account'
import { faultResponse } from './routes/fault'
import { indexPage } from './routes/index-page'
import { matchRoute } from './routes/match'
import { introspectResponse, revokeResponse } from './routes/oauth'
import type { createPortal } from './routes/portal'
import type { MockTokens } from './tokens'
import type { MockRoute } from './types'

export interface AppDeps {
  state: MockState; tokens: MockTokens; faults: MockFaults; log: MockLog; signer: Signer
  portal: ReturnType<typeof createPortal>; now: () => number; omitMetadata: ReadonlySet<MockRoute>; oauth: MockOAuth
}

const SECRET_PARAMS = /^(token|access_token|id_token|refresh_token|client_secret|code)$/i

function bearerOf(request: Request): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')
  return match ? match[1]! : null
}

/** The whole API as one `Request → Response` function; fetch and the HTTP server both call it. */
export function createApp(deps: AppDeps) {
  const { state, tokens, faults, log, now } = deps

  async function answer(request: Request, url: URL, entry: { userId: string | null; orgCode: string | null },
    signal: AbortSignal | undefined): Promise<Response> {
    const match = matchRoute(request.method, url.pathname)
    if (match.kind === 'none' && request.method === 'GET' && url.pathname === '/') return indexPage(request, url.origin)
    if (match.kind === 'none') return kindeError(404, 'route_not_found', `No route ${request.method} ${url.pathname}`)
    if (match.kind === 'method') return kindeError(405, 'method_not_allowed', 'Method not allowed', { allow: match.allow })
    const { route } = match
    if (route === 'jwks') return json(200, await deps.signer.jwks())
    if (route === 'portalRedirect') return deps.portal.page(url.searchParams)
    if (isOAuthRoute(route)) return deps.oauth.answer(route, request, url)

    // Faults act like a gateway in front of the API: before auth, as Kinde's rate limiter does.
    const { latency, outcome } = faults.take(route)
    await sleep(latency, signal)
    if (outcome) return faultResponse(outcome, signal)

    const bearer = bearerOf(request)
    if (route === 'introspect' || route === 'revoke') {
      const form = new URLSearchParams(await request.text())
      const caller = decodePayload(bearer ?? form.get('token') ?? '')
      if (typeof caller?.sub === 'string') entry.userId = caller.sub
      const ctx = { tokens, bearer, form }
      return route === 'introspect' ? introspectResponse(ctx) : revokeResponse(ctx)
    }
    const auth = await tokens.authenticate(bearer)
    if (!auth.ok) return kindeError(403, 'invalid_credentials', 'Invalid credentials')
    entry.userId = auth.userId
    entry.orgCode = auth.orgCode
    const ctx: AccountContext = { state, userId: auth.userId, orgCode: auth.orgCode, query: url.searchParams,
      omitMetadata: deps.omitMetadata }
    switch (route) {
      case 'profile': return profileResponse(ctx)
      case 'entitlement': return entitlementResponse(ctx, match.key!)
      case 'portalLink': return deps.portal.link(url.searchParams, url.origin, auth.userId)
      default: return listResponse(route, ctx)
    }
  }

  return async function handle(request: Request, signal?: AbortSignal): Promise<Response> {
    const url = new URL(request.url)
    if (request.method === 'OPTIONS') return OAUTH_PATHS.has(url.pathname) ? oauthPreflight(request) : empty(204, PREFLIGHT_HEADERS)
    const match = matchRoute(request.method, url.pathname)
    const query: Record<string, string> = {}
    url.searchParams.forEach((value, name) => { query[name] = SECRET_PARAMS.test(name) ? '[redacted]' : value })
    // Who the request claims to be, unverified: good enough for the log, never trusted for data.
    const claims = decodePayload(bearerOf(request) ?? '')
    const org = claims?.org_code ?? claims?.['x-hasura-org-code']
    const entry = log.add({
      at: now(), method: request.method, path: url.pathname, route: match.kind === 'none' ? null : match.route, query,
      userId: typeof claims?.sub === 'string' ? claims.sub : null, orgCode: typeof org === 'string' ? org : null,
      status: null,
    })
    try {
      const response = await raceAbort(answer(request, url, entry, signal), signal)
      log.done(entry, response.status)
      return response
    } catch (error) {
      log.done(entry, null)
      throw error
    }
  }
}
