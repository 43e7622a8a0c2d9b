import { ofetch, type FetchContext } from 'ofetch'
import { decodeClaims } from '../token/decode'
import { AccountApiError, scrubToken, type AccountApiErrorInit, type AccountApiErrorKind } from './errors'
import { retryAfterMs } from './retry-after'
import type { AccountClientOptions } from './types'
import { baseUrl } from './url'
import { isRecord } from './validate'

/** One API call, described. */
export interface Call<T> {
  method: 'GET' | 'POST'
  path: string
  query?: Record<string, string | number | null | undefined>
  /** Form fields of a POST; `token` defaults to the current token. */
  form?: Record<string, string | null | undefined>
  signal?: AbortSignal | undefined
  /** Validates and maps a 2xx body (throw a TypeError on a bad shape). Without it the body is ignored. */
  read?: (body: unknown) => T
}

export type Send = <T>(call: Call<T>) => Promise<T>

const kindOf = (status: number): AccountApiErrorKind =>
  status === 401 || status === 403 ? 'unauthorized' : status === 429 ? 'rate_limited' : status >= 500 ? 'server' : 'http'

/** `errors[0].code` (Kinde API style) or `error` (OAuth style): Kinde sends both. */
function errorCode(body: unknown): string | null {
  const first: unknown = isRecord(body) && Array.isArray(body.errors) ? body.errors[0] : undefined
  const code = isRecord(first) ? first.code : isRecord(body) ? body.error : undefined
  return typeof code === 'string' ? code : null
}

/** Fields without a value are left out: ofetch would send `key` (query) or `key=undefined` (form). */
const defined = <V>(fields: Record<string, V | null | undefined>) =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v != null)) as Record<string, V>

/**
 * What ofetch calls instead of fetch: its timeout's signal and the caller's (`caller`) both abort
 * the request, a fetch that ignores its signal still settles when either fires, and a body that
 * stalls after the headers counts against the timeout as well.
 */
const fetchWith = (getFetch: () => typeof globalThis.fetch) =>
  (input: RequestInfo | URL, init: RequestInit & { caller?: AbortSignal | undefined }) =>
    new Promise<Response>((resolve, reject) => {
      const controller = new AbortController()
      const signals = [init.signal, init.caller]
      const abort = function (this: AbortSignal) {
        reject(this.reason)
        controller.abort(this.reason)
      }
      for (const s of signals) s?.aborted ? abort.call(s) : s?.addEventListener('abort', abort)
      getFetch()(input, { ...init, signal: controller.signal })
        // the body is read within the timeout too (into the clone's twin, which ofetch then parses)
        .then(async (response) => (await response.clone?.().arrayBuffer(), response))
        .then(resolve, reject)
        .finally(() => signals.forEach((s) => s?.removeEventListener('abort', abort)))
    })

/**
 * Every call goes through here: read the token, resolve the base URL, and let ofetch send it
 * (base URL and query, timeout, JSON through destr, 4xx/5xx detection); every outcome becomes
 * data or an AccountApiError.
 */
export function createSend(options: AccountClientOptions): Send {
  const { token: source, domain, timeout = 10_000 } = options
  const $fetch = ofetch.create(
    // the store decides about retries; a timer above 2^31-1 ms would fire at once
    { retry: false, responseType: 'json', credentials: 'omit', timeout: timeout > 0 && timeout < 2 ** 31 ? timeout : 0 },
    // resolved per call, so a fetch stubbed after the client was made is still used
    { fetch: fetchWith(() => options.fetch ?? globalThis.fetch) as typeof globalThis.fetch },
  )
  // the base URL of the last token: decoded once per token, not per request
  let last: [token: string, base: string] | undefined

  return async ({ method, path, query, form, signal, read }) => {
    const fail = (kind: AccountApiErrorKind, init?: Partial<AccountApiErrorInit>) =>
      new AccountApiError({ kind, method, path, ...init })
    const aborted = () => fail('aborted', { cause: signal!.reason })
    if (signal?.aborted) throw aborted()

    let token: string | null | undefined
    try {
      token = typeof source === 'function' ? await source() : source
    } catch (cause) {
      throw fail('unauthorized', { message: 'the token source failed', cause })
    }
    if (!token) throw fail('unauthorized', { message: 'no token' })
    if (signal?.aborted) throw aborted()

    if (last?.[0] !== token) {
      try {
        const iss = domain ?? decodeClaims(token)?.iss
        last = [token, baseUrl(typeof iss === 'string' ? iss : null)]
      } catch (error) {
        throw fail('config', { message: (error as Error).message })
      }
    }

    let response
    try {
      response = await $fetch.raw(path, {
        baseURL: last[1],
        method,
        query: query && defined(query),
        // only these headers, never cookies: Kinde's CORS preflight allows no more
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json',
          ...(form && { 'Content-Type': 'application/x-www-form-urlencoded' }) },
        body: form && defined({ ...form, token: form.token ?? token }),
        caller: signal,
        onResponseError({ response: { status, headers, _data } }: FetchContext & { response: { _data?: unknown } }) {
          const code = errorCode(_data)
          throw fail(kindOf(status), {
            status, code, message: code ?? undefined,
            retryAfterMs: status === 429 || status === 503 ? retryAfterMs(headers, Date.now()) : null,
          })
        },
      } as Parameters<typeof $fetch.raw>[1])
    } catch (error) {
      if (error instanceof AccountApiError) throw error
      // ofetch's FetchError also exposes the request's headers, and so the token: keep fetch's own error only
      const cause = scrubToken((error as Error).cause ?? error, token)
      if (signal?.aborted) throw fail('aborted', { cause })
      if ((cause as Error | undefined)?.name === 'TimeoutError') throw fail('timeout', { message: `no response within ${timeout} ms`, cause })
      throw fail('network', { cause })
    }
    if (!read) return undefined as never
    try {
      return read(response._data)
    } catch (cause) {
      throw fail('invalid_response', { status: response.status, message: (cause as Error).message, cause })
    }
  }
}
