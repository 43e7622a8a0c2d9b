// The mock's own shapes: routes, faults, the request log, tokens and the server. The seed's
// shapes (snake_case, as the API sends them) are in seed-types.ts.
import type { MockFeatureFlag } from './seed-types'

export type * from './seed-types'

/** The fault-injectable routes: one per operation of the spec (with the errata). */
export type MockRoute =
  | 'profile' | 'permissions' | 'roles' | 'featureFlags' | 'properties' | 'entitlements' | 'entitlement'
  | 'portalLink' | 'introspect' | 'revoke'

/** Routes that answer without auth and cannot be faulted. */
export type MockExtraRoute = 'jwks' | 'portalRedirect' | 'discovery' | 'authorize' | 'token' | 'logout'

/** What an injected fault does to the requests it applies to (see `MockAccountApi.fault`). */
export type MockFault =
  /** A throttled answer. Without `rateLimitReset`/`retryAfter` no header is sent. */
  | {
    /** Always 429. */
    status: 429
    /** `RateLimit-Reset` in seconds. */
    rateLimitReset?: number
    /** `Retry-After`: seconds, or an HTTP date. */
    retryAfter?: number | string
    /** JSON body (a string as-is). @default a Kinde-style `errors` body */
    body?: unknown
    /** Extra response headers. */
    headers?: Record<string, string>
  }
  /** Any status; `body` is sent as JSON (a string as-is); default: a Kinde-style `errors` body. */
  | {
    /** The HTTP status to answer. */
    status: number
    /** JSON body (a string as-is). @default a Kinde-style `errors` body */
    body?: unknown
    /** Extra response headers. */
    headers?: Record<string, string>
  }
  /** Wait this many ms (fake-timer friendly), then answer normally (or with the next fault). */
  | {
    /** Delay in ms. */
    latency: number
  }
  /** Never answer; only the request's AbortSignal (or the client disconnecting) ends it. */
  | {
    /** Never answer. */
    hang: true
  }
  /** 200 with a JSON content type and a body that is not JSON. */
  | {
    /** Send a body that is not JSON. */
    malformed: true
  }
  /** 200 with this (wrong-shaped) JSON body. */
  | {
    /** The body to send with status 200. */
    body: unknown
  }

/** How long an injected fault lasts. */
export interface MockFaultOptions {
  /** How many requests the fault applies to. @default Infinity (until cleared) */
  times?: number
}

/** One line of the request log. Never holds a token. */
export interface MockRequest {
  /** ms since epoch (the mock's clock) when the request arrived. */
  at: number
  /** HTTP method, e.g. `'GET'`. */
  method: string
  /** Path without the query, e.g. `'/account_api/v1/roles'`. */
  path: string
  /** The route it matched, or `null` for an unknown path. */
  route: MockRoute | MockExtraRoute | null
  /** Query parameters; a token-like one reads `'[redacted]'`. */
  query: Record<string, string>
  /** The user of a valid token, else `null`. */
  userId: string | null
  /** The org of a valid token, else `null`. */
  orgCode: string | null
  /** null while in flight, or when it hung until aborted. */
  status: number | null
}

/** Options of `MockAccountApi.issueToken`. */
export interface IssueTokenOptions {
  /** Org the token is for. `null`: no org claim. @default the user's first org */
  orgCode?: string | null
  /** Lifetime in seconds; negative issues an already-expired token. @default 3600 */
  expiresIn?: number
  /** Extra claims merged over the computed ones; a claim set to `undefined` is removed. */
  claims?: Record<string, unknown>
}

/** Which of the user's orgs an org-scoped mutation changes. */
export interface OrgScope {
  /** The org code. @default the user's first org */
  orgCode?: string
}

/** Options of `MockAccountApi.listen`. */
export interface ListenOptions {
  /** The port to listen on. @default 0 (a free port) */
  port?: number
  /** The interface to listen on. @default '127.0.0.1' */
  host?: string
}

/** A listening mock server. */
export interface MockServer {
  /** The server's origin, e.g. `'http://127.0.0.1:4174'`; tokens issued now carry it as `iss`. */
  url: string
  /** Stops listening and ends hanging requests. */
  close(): Promise<void>
}
