import { decodeClaims } from '../token/decode'
import { AccountApiError, type AccountApiErrorInit, type AccountApiErrorKind } from './errors'
import { retryAfterMs } from './retry-after'
import { createTransport } from './transport'
import type { AccountClientOptions } from './types'
import { baseUrl } from './url'
import { isObject } from './validate'

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

/** `errors[0].code` (Kinde API style) or `error` (OAuth style), ERRATA §4. */
function errorCode(body: unknown): string | null {
  if (!isObject(body)) return null
  const first: unknown = Array.isArray(body.errors) ? body.errors[0] : undefined
  const code = isObject(first) ? first.code : body.error
  return typeof code === 'string' ? code : null
}

/** fetch's own errors may quote the Authorization header (undici does, for an invalid value): never pass the token on. */
const scrub = (cause: unknown, token: string): unknown =>
  cause instanceof Error && cause.message.includes(token) ? new TypeError(cause.message.split(token).join('[token]')) : cause

function encode(fields: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(fields)) if (value != null) params.append(key, String(value))
  return params.toString()
}

/**
 * Every call goes through here: read the token, resolve the base URL, send with a per-request
 * timeout and the caller's signal, and turn every outcome into data or an AccountApiError.
 */
export function createSend(options: AccountClientOptions): Send {
  const { token: source, domain, timeout = 10_000 } = options
  const transport = createTransport(() => options.fetch ?? globalThis.fetch)

  return async ({ method, path, query, form, signal, read }) => {
    const fail = (kind: AccountApiErrorKind, init?: Partial<AccountApiErrorInit>) =>
      new AccountApiError({ kind, method, path, ...init })
    if (signal?.aborted) throw fail('aborted', { cause: signal.reason })

    let token: string | null | undefined
    try {
      token = typeof source === 'function' ? await source() : source
    } catch (cause) {
      throw fail('unauthorized', { message: 'the token source failed', cause })
    }
    if (!token) throw fail('unauthorized', { message: 'no token' })
    if (signal?.aborted) throw fail('aborted', { cause: signal.reason })

    let base: string
    try {
      const iss = decodeClaims(token)?.iss
      base = baseUrl(domain ?? (typeof iss === 'string' ? iss : null))
    } catch (error) {
      throw fail('config', { message: (error as Error).message })
    }

    // Only these headers: Kinde's CORS preflight allows no more (ERRATA §9)
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' }
    if (form) headers['Content-Type'] = 'application/x-www-form-urlencoded'
    const search = query && encode(query)

    const controller = new AbortController()
    const onAbort = () => controller.abort(signal?.reason)
    signal?.addEventListener('abort', onAbort)
    let timedOut = false
    const timer = timeout > 0 && timeout < Infinity
      ? setTimeout(() => { timedOut = true; controller.abort() }, timeout)
      : undefined

    try {
      let answer
      try {
        answer = await Promise.race([
          transport(base + path + (search ? `?${search}` : ''), {
            method,
            headers,
            body: form && encode({ ...form, token: form.token ?? token }),
            credentials: 'omit', // never cookies (ERRATA §9)
            signal: controller.signal,
          }),
          // a fetch that ignores its signal must not hang the caller past the timeout
          new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason))),
        ])
      } catch (cause) {
        if (signal?.aborted) throw fail('aborted', { cause })
        if (timedOut) throw fail('timeout', { message: `no response within ${timeout} ms`, cause })
        throw fail('network', { cause: scrub(cause, token) })
      }

      const { status, text } = answer
      let body: unknown
      let json = true
      try {
        body = text ? JSON.parse(text) : undefined
      } catch {
        json = false
      }
      if (status < 200 || status > 299) {
        const code = errorCode(body)
        throw fail(kindOf(status), {
          status,
          code,
          message: code ?? undefined,
          retryAfterMs: status === 429 || status === 503 ? retryAfterMs(answer.headers, Date.now()) : null,
        })
      }
      if (!read) return undefined as never
      if (!json) throw fail('invalid_response', { status, message: 'the body is not JSON' })
      try {
        return read(body)
      } catch (cause) {
        throw fail('invalid_response', { status, message: (cause as Error).message, cause })
      }
    } finally {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
    }
  }
}
