/** What went wrong, coarse enough to decide what to do next (retry, cool down, re-auth, give up). */
export type AccountApiErrorKind =
  | 'network' | 'timeout' | 'aborted' | 'unauthorized' | 'rate_limited' | 'server' | 'http' | 'invalid_response' | 'config'

export interface AccountApiErrorInit {
  kind: AccountApiErrorKind
  method: string
  path: string
  status?: number | null
  code?: string | null
  retryAfterMs?: number | null
  message?: string
  cause?: unknown
}

/**
 * Every failure of the client and store. Modelled on ofetch's FetchError: data, not strings.
 * The message is `[GET] "/account_api/v1/roles": 429 rate_limited (…)` and never holds a token.
 */
export class AccountApiError extends Error {
  override readonly name = 'AccountApiError' as const
  readonly kind: AccountApiErrorKind
  /** HTTP status when there was a response. */
  readonly status: number | null
  /** `errors[0].code` or `error` from the body, when it has one. */
  readonly code: string | null
  /** From `Retry-After` / `RateLimit-Reset` on 429 (and 503). */
  readonly retryAfterMs: number | null
  readonly method: string
  readonly path: string

  constructor(init: AccountApiErrorInit) {
    const status = init.status ?? null
    const detail = init.message ? ` (${init.message})` : ''
    super(`[${init.method}] "${init.path}": ${status === null ? '' : `${status} `}${init.kind}${detail}`,
      init.cause === undefined ? undefined : { cause: init.cause })
    this.kind = init.kind
    this.status = status
    this.code = init.code ?? null
    this.retryAfterMs = init.retryAfterMs ?? null
    this.method = init.method
    this.path = init.path
  }
}

export const isAccountApiError = (value: unknown): value is AccountApiError => value instanceof AccountApiError
