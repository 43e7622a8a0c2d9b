import { whenAborted } from '../abortable'
import { CORS_HEADERS, DEFAULT_ERROR_CODES, json } from '../responses'
import type { MockFault } from '../types'

/** The answer an injected fault gives instead of the real one. */
export async function faultResponse(fault: Exclude<MockFault, { latency: number }>, signal?: AbortSignal): Promise<Response> {
  if ('hang' in fault) return whenAborted(signal)
  if ('malformed' in fault) {
    return new Response('{"data": {"items": [{"id": "perm_', {
      status: 200, headers: { ...CORS_HEADERS, 'content-type': 'application/json; charset=utf-8' },
    })
  }
  if (!('status' in fault)) return json(200, fault.body)
  const headers: Record<string, string> = { ...fault.headers }
  if ('rateLimitReset' in fault && fault.rateLimitReset !== undefined) headers['RateLimit-Reset'] = String(fault.rateLimitReset)
  if ('retryAfter' in fault && fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter)
  const code = DEFAULT_ERROR_CODES[fault.status] ?? (fault.status >= 500 ? 'server_error' : 'error')
  const body = fault.body === undefined ? { errors: [{ code, message: `Injected ${fault.status}` }] } : fault.body
  if (typeof body === 'string') {
    return new Response(body, { status: fault.status, headers: { ...CORS_HEADERS, 'content-type': 'text/plain', ...headers } })
  }
  return json(fault.status, body, headers)
}
