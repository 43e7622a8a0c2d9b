import { PREFLIGHT_HEADERS } from '../responses'

/**
 * Kinde's SDKs call `/oauth2/token` with `credentials: 'include'` on a custom domain (anything
 * but `*.kinde.com`, so this mock too), and a credentialed request fails CORS against `*`. The
 * OAuth routes therefore echo the caller's origin and allow credentials.
 */
export function withCredentialedCors(request: Request, response: Response): Response {
  const origin = request.headers.get('origin')
  if (!origin) return response
  const headers = new Headers(response.headers)
  headers.set('access-control-allow-origin', origin)
  headers.set('access-control-allow-credentials', 'true')
  headers.append('vary', 'Origin')
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
}

/** The preflight for the OAuth routes, e.g. for js-utils' `Kinde-SDK` header. */
export function oauthPreflight(request: Request): Response {
  return withCredentialedCors(request, new Response(null, { status: 204, headers: PREFLIGHT_HEADERS }))
}

export const OAUTH_PATHS: ReadonlySet<string> = new Set(['/oauth2/auth', '/oauth2/token', '/logout',
  '/.well-known/openid-configuration'])
