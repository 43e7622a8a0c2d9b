import { fakeJwt } from '../token/jwt'

/** What the client handed to fetch, flattened for assertions. */
export interface Sent {
  url: URL
  method: string
  headers: Record<string, string>
  body: string | null
  credentials: RequestCredentials | undefined
  signal: AbortSignal | undefined
}

export const ISS = 'https://acme.kinde.com'
export const TOKEN = fakeJwt({ iss: ISS, sub: 'kp_alice', exp: 4_000_000_000, org_code: 'org_a' })

/** A hand-written fetch: records each request and answers with `handler`. */
export function stubFetch(handler: (req: Sent, index: number) => Response | Promise<Response>) {
  const calls: Sent[] = []
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const req: Sent = {
      url: new URL(String(input)),
      method: init.method ?? 'GET',
      // happy-dom's Headers keep the sender's case: compare lower-cased names
      headers: Object.fromEntries([...new Headers(init.headers)].map(([k, v]) => [k.toLowerCase(), v])),
      body: typeof init.body === 'string' ? init.body : init.body == null ? null : String(init.body),
      credentials: init.credentials,
      signal: init.signal ?? undefined,
    }
    calls.push(req)
    return handler(req, calls.length - 1)
  }
  return { fetch: fetch as typeof globalThis.fetch, calls }
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })

export const text = (body: string, status = 200, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers })

/** A fetch that never answers until its signal aborts (then rejects like fetch does). */
export const hangingFetch = ((_: unknown, init: RequestInit = {}) =>
  new Promise<Response>((_, reject) => {
    init.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')))
  })) as typeof globalThis.fetch
