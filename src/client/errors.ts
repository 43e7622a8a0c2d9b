/** What went wrong, coarse enough to decide what to do next (retry, cool down, re-auth, give up). */
export type AccountApiErrorKind =
  | 'network' | 'timeout' | 'aborted' | 'unauthorized' | 'rate_limited' | 'server' | 'http' | 'invalid_response' | 'config'

/** What `new AccountApiError(init)` takes; the error's message is built from it. */
export interface AccountApiErrorInit {
  /** What went wrong. */
  kind: AccountApiErrorKind
  /** The request's HTTP method, e.g. `'GET'`. */
  method: string
  /** The request's path, e.g. `'/account_api/v1/roles'`. */
  path: string
  /** HTTP status, when there was a response. @default null */
  status?: number | null
  /** The error code from the body (`errors[0].code` or `error`). @default null */
  code?: string | null
  /** How long the server asked the client to wait, ms. @default null */
  retryAfterMs?: number | null
  /** Detail appended to the message, in parentheses. */
  message?: string
  /** The underlying error (fetch's, a validator's, the token source's), kept as the error's `cause`. */
  cause?: unknown
}

/**
 * Every failure of the client and store. Modelled on ofetch's FetchError: data, not strings.
 * The message is `[GET] "/account_api/v1/roles": 429 rate_limited (…)` and never holds a token.
 */
export class AccountApiError extends Error {
  // `declare`: assigned in the constructor, so no class-field definitions are emitted for them
  /** Always `'AccountApiError'`. */
  override readonly name = 'AccountApiError' as const
  /** What went wrong, coarse enough to decide what to do next. */
  declare readonly kind: AccountApiErrorKind
  /** HTTP status when there was a response. */
  declare readonly status: number | null
  /** `errors[0].code` or `error` from the body, when it has one. */
  declare readonly code: string | null
  /** From `Retry-After` / `RateLimit-Reset` on 429 (and 503). */
  declare readonly retryAfterMs: number | null
  /** The request's HTTP method, e.g. `'GET'`. */
  declare readonly method: string
  /** The request's path, e.g. `'/account_api/v1/roles'`. */
  declare readonly path: string

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

/**
 * Whether `value` is an {@link AccountApiError}: `instanceof`, or an Error named `AccountApiError`
 * with a string `kind`. The second test is for an app that loads two copies of this library (its
 * CJS and its ESM build, or two versions): each copy has its own class, so `instanceof` alone
 * would say no to the other copy's errors.
 */
export const isAccountApiError = (value: unknown): value is AccountApiError =>
  value instanceof AccountApiError ||
  (value instanceof Error && value.name === 'AccountApiError' && typeof (value as { kind?: unknown }).kind === 'string')

/** The text a level of a cause chain shows: an Error's name, message and stack, or the value itself. */
function text(e: unknown): string {
  if (e instanceof Error) return `${e.name}${e.message}${e.stack}`
  try {
    return typeof e === 'string' ? e : JSON.stringify(e) ?? ''
  } catch {
    return String(e)
  }
}

/**
 * `error` without `token` at any level of its `cause` chain: fetch's own errors may quote the
 * Authorization header (undici does, for an invalid value), and a wrapper may nest that deeper.
 * Unchanged (the same object) when the token appears nowhere; otherwise every level is copied with
 * its class, the token replaced by `[token]` in name, message and stack (a level that is not an
 * Error becomes its scrubbed text), and a cycle is cut where it closes.
 */
export function scrubToken(error: unknown, token: string): unknown {
  const chain: unknown[] = []
  for (let e = error; e != null && !chain.includes(e); e = (e as Error).cause) chain.push(e)
  if (!chain.some((e) => text(e).includes(token))) return error
  const clean = (s: unknown) => String(s).split(token).join('[token]')
  return chain.reduceRight((cause: unknown, e) => {
    if (!(e instanceof Error)) return clean(text(e))
    const copy = Object.create(Object.getPrototypeOf(e)) as Error
    const own = { name: clean(e.name), message: clean(e.message), stack: clean(e.stack), cause }
    for (const [key, value] of Object.entries(own)) {
      if (value !== undefined) Object.defineProperty(copy, key, { value, writable: true, configurable: true })
    }
    return copy
  }, undefined)
}
