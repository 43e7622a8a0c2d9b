import { CORS_HEADERS, json } from '../responses'

/** One line of the mock's index: what a visitor of its root URL can call. */
export interface MockEndpoint {
  method: 'GET' | 'POST'
  path: string
  /** What it needs: a bearer access token, a token in the form, or nothing. */
  auth: 'bearer' | 'form' | 'none'
  about: string
}

/**
 * The endpoints the root URL lists. Keep this in step with `match.ts` (and with the OAuth routes
 * when they grow): a test compares the two.
 */
export const ENDPOINTS: readonly MockEndpoint[] = [
  { method: 'GET', path: '/oauth2/v2/user_profile', auth: 'bearer', about: "the signed-in user's profile" },
  { method: 'GET', path: '/account_api/v1/permissions', auth: 'bearer', about: 'permissions in the token\'s org (paged)' },
  { method: 'GET', path: '/account_api/v1/roles', auth: 'bearer', about: 'roles in the token\'s org (paged)' },
  { method: 'GET', path: '/account_api/v1/feature_flags', auth: 'bearer', about: 'feature flags and their values' },
  { method: 'GET', path: '/account_api/v1/properties', auth: 'bearer', about: 'user properties (paged)' },
  { method: 'GET', path: '/account_api/v1/entitlements', auth: 'bearer', about: 'plans and billing entitlements (paged)' },
  { method: 'GET', path: '/account_api/v1/entitlement/{key}', auth: 'bearer', about: 'one entitlement by feature key' },
  { method: 'GET', path: '/account_api/v1/portal_link', auth: 'bearer', about: 'a link to the self-serve portal (subnav, return_url)' },
  { method: 'POST', path: '/oauth2/introspect', auth: 'form', about: 'token introspection (form-encoded)' },
  { method: 'POST', path: '/oauth2/revoke', auth: 'form', about: 'token revocation (client_id, token)' },
  { method: 'GET', path: '/.well-known/jwks.json', auth: 'none', about: 'the public keys the tokens are signed with' },
]

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * `GET /`: an index of the endpoints, as HTML for a browser (it asks for `text/html`) and as JSON
 * for anything else, so the URL the demo and the CLI print answers something useful.
 */
export function indexPage(request: Request, origin: string): Response {
  const wantsHtml = (request.headers.get('accept') ?? '').includes('text/html')
  if (!wantsHtml) {
    return json(200, {
      name: 'kinde-account-sync mock Kinde Account API',
      endpoints: ENDPOINTS.map((e) => ({ ...e, url: `${origin}${e.path}` })),
    })
  }
  const rows = ENDPOINTS.map((e) => `<tr><td>${e.method}</td><td><code>${esc(e.path)}</code></td>`
    + `<td>${e.auth}</td><td>${esc(e.about)}</td></tr>`).join('')
  const html = '<!doctype html><meta charset="utf-8"><title>Mock Kinde Account API</title>'
    + '<style>body{font:14px/1.5 system-ui,sans-serif;margin:2rem;color:#1f2937}td,th{padding:.25rem .75rem;text-align:left}'
    + 'tr:nth-child(even){background:#f3f4f6}code{font-size:13px}</style>'
    + `<h1>Mock Kinde Account API</h1><p>${esc(origin)} · from <code>kinde-account-sync/mock</code>. `
    + 'Bearer endpoints need an access token the mock issued (<code>api.issueToken()</code>).</p>'
    + `<table><thead><tr><th>method</th><th>path</th><th>auth</th><th>what</th></tr></thead><tbody>${rows}</tbody></table>`
  return new Response(html, { status: 200, headers: { ...CORS_HEADERS, 'content-type': 'text/html; charset=utf-8' } })
}
