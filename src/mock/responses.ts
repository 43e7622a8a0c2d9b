// Response builders. Every answer carries CORS headers so browsers (and happy-dom's fetch, which
// enforces CORS) can read it, including the rate-limit headers a client needs on a 429.

export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  // Not CORS-safelisted: without this a browser client could not read when a 429 ends.
  'access-control-expose-headers': 'RateLimit-Reset, Retry-After',
}

export const PREFLIGHT_HEADERS: Record<string, string> = {
  ...CORS_HEADERS,
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'Authorization, Accept, Content-Type, Kinde-SDK',
  'access-control-max-age': '600',
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status, headers: { ...CORS_HEADERS, 'content-type': 'application/json; charset=utf-8', ...headers },
  })
}

export const empty = (status: number, headers: Record<string, string> = {}) =>
  new Response(null, { status, headers: { ...CORS_HEADERS, ...headers } })

/** Kinde API style: `{ errors: [{ code, message }] }` (ARCHITECTURE.md, "Mock", fact 4). */
export const kindeError = (status: number, code: string, message: string, headers?: Record<string, string>) =>
  json(status, { errors: [{ code, message }] }, headers)

/** OAuth style: `{ error, error_description }`, as introspect and revoke send (ARCHITECTURE.md, "Mock", fact 5). */
export const oauthError = (status: number, error: string, description: string) =>
  json(status, { error, error_description: description })

export const DEFAULT_ERROR_CODES: Record<number, string> = {
  400: 'invalid_request', 401: 'unauthorized', 403: 'invalid_credentials', 404: 'not_found',
  429: 'too_many_requests', 500: 'internal_server_error', 502: 'bad_gateway', 503: 'service_unavailable',
  504: 'gateway_timeout',
}
