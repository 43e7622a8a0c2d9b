import { createAccountClient } from '../client'
import { AccountApiError } from '../client/errors'
import type { AccountClient } from '../client/types'
import { cooldownDelay } from '../schedule/backoff'
import type { CooldownGate } from '../schedule/cooldown'
import type { StoreConfig } from './options'
import type { Session } from './session'

/** What became of one request (a resource read with all its pages, or an action). */
export type Outcome<T> =
  | { type: 'ok'; value: T }
  | { type: 'failed'; error: AccountApiError; retryable: boolean }
  | { type: 'rate_limited'; error: AccountApiError }
  | { type: 'unauthorized'; error: AccountApiError }
  /** Refused, but the token was replaced while the request travelled: send again with the new one. */
  | { type: 'replaced'; error: AccountApiError }
  /** The current token is the refused one: nothing was sent. */
  | { type: 'paused' }
  /** Another identity by now (or signed out, aborted, destroyed): apply nothing. */
  | { type: 'stale' }

export interface SendOptions {
  method: 'GET' | 'POST'
  path: string
  signal?: AbortSignal
  /** An action is sent even with a refused token (never with an expired one). */
  evenIfPaused?: boolean
  /** Called as the request (each page) leaves, with its token: the attempt is visibly fetching now. */
  leaving?: (token: string) => void
  /** Read a function source first (default). A follow-up for a token that just changed does not:
   * with an SDK that hands out a new token on every read, re-reading there would never end. */
  reread?: boolean
}

export type Gateway = ReturnType<typeof createGateway>
type GatewaySession = Pick<Session, 'epoch' | 'token' | 'signal' | 'read' | 'paused' | 'expired' | 'unauthorized' | '$claims'>

const STALE = { type: 'stale' } as const
// markers thrown from the token getter, so the client's error says why the request did not leave
const GONE = new Error('another identity'), EXPIRED = new Error('token expired')
// a function, not a module-scope Set: nothing runs at import time (tree-shaking)
const retryable = (kind: string): boolean => kind === 'network' || kind === 'timeout' || kind === 'server'

/**
 * A signal that aborts when either does (AbortSignal.any is too new for every supported browser),
 * and the release that unhooks it: the session's signal outlives every request, so a listener left
 * on it would pile up with each poll until the identity changes.
 */
function either(a: AbortSignal | undefined, b: AbortSignal): [signal: AbortSignal, release: () => void] {
  if (!a) return [b, () => {}]
  const both = new AbortController()
  const abort = (): void => both.abort()
  if (a.aborted || b.aborted) abort()
  a.addEventListener('abort', abort, { once: true })
  b.addEventListener('abort', abort, { once: true })
  return [both.signal, () => { a.removeEventListener('abort', abort); b.removeEventListener('abort', abort) }]
}

/**
 * The one request path (ARCHITECTURE.md, "Flow"): every request the store sends goes through
 * `send`, which decides the cool-down, the token verdict and the identity of the answer.
 */
export function createGateway(deps: {
  session: GatewaySession
  gate: CooldownGate
  config: Pick<StoreConfig, 'domain' | 'fetch' | 'timeout' | 'pageSize' | 'retry' | 'random' | 'now'>
  /** A cool-down began here: tell the other tabs. */
  cooledDown?(until: number): void
  /** The store was destroyed: nothing leaves any more. */
  destroyed?(): boolean
}) {
  const { session, gate, config } = deps
  let consecutive429 = 0

  /**
   * A client for one token getter; the fetch is resolved per call, so a stub set later is used.
   * Without a `domain` option the base URL is the token's issuer, taken from the claims the session
   * decoded when the token arrived: the client would otherwise decode the token on every request.
   */
  const client = (token: string | (() => Promise<string>)): AccountClient => {
    const iss = session.$claims.get()?.iss
    return createAccountClient({
      token, domain: config.domain ?? (typeof iss === 'string' ? iss : undefined), timeout: config.timeout, pageSize: config.pageSize,
      fetch: (input, init) => (config.fetch ?? globalThis.fetch)(input, init),
    })
  }

  function coolDown(error: AccountApiError): void {
    // A wait already over (a Retry-After date in the past: the client's clock is ahead) is no
    // usable answer: back off as without a header, so the 429 row's resumption happens.
    const asked = error.retryAfterMs !== null && error.retryAfterMs > 0 ? error.retryAfterMs : null
    const until = config.now() + cooldownDelay(asked, consecutive429++, config.retry, config.random)
    gate.extend(until)
    deps.cooledDown?.(gate.until() ?? until)
  }

  async function send<T>(call: (client: AccountClient, signal: AbortSignal) => Promise<T>, o: SendOptions): Promise<Outcome<T>> {
    const epoch = session.epoch()
    const unreadable = o.reread === false ? undefined : await session.read(o.method, o.path)
    if (epoch !== session.epoch() || session.token() === null || o.signal?.aborted) return STALE
    if (unreadable) return { type: 'failed', error: unreadable, retryable: false }
    if (session.paused() && !o.evenIfPaused && !session.expired()) return { type: 'paused' }
    const [signal, release] = either(o.signal, session.signal())
    let sent: string | null = null
    // Called by the client as each request and each page leaves, before its timeout starts: so a
    // cool-down is waited out first and the token is judged at the moment it would be sent.
    const leave = async (): Promise<string> => {
      await gate.whenOpen()
      const token = session.token()
      if (epoch !== session.epoch() || signal.aborted || token === null) throw GONE
      if (session.expired()) throw EXPIRED
      sent = token
      o.leaving?.(token)
      return token
    }
    try {
      const value = await call(client(leave), signal)
      if (epoch !== session.epoch()) return STALE // the answer of an earlier identity is never applied
      consecutive429 = 0
      return { type: 'ok', value }
    } catch (thrown) {
      const error = thrown instanceof AccountApiError
        ? thrown
        : new AccountApiError({ kind: 'network', method: o.method, path: o.path, cause: thrown })
      if (epoch !== session.epoch() || error.cause === GONE || error.kind === 'aborted') return STALE
      if (error.cause === EXPIRED) {
        session.unauthorized()
        return { type: 'unauthorized', error: new AccountApiError({ kind: 'unauthorized', method: o.method, path: o.path, message: 'token expired' }) }
      }
      if (error.kind === 'rate_limited') {
        coolDown(error)
        return { type: 'rate_limited', error }
      }
      if (error.kind === 'unauthorized') {
        // a refusal of a token replaced meanwhile says nothing about the current one
        if (sent !== null && sent !== session.token()) return { type: 'replaced', error }
        session.unauthorized()
        return { type: 'unauthorized', error }
      }
      return { type: 'failed', error, retryable: retryable(error.kind) }
    } finally {
      release()
    }
  }

  return {
    send,
    /**
     * A client bound to one token, for the sign-out revoke after the session has let go of it:
     * its requests wait out a cool-down as they leave, and none leaves a destroyed store.
     */
    clientFor: (token: string) => client(async () => {
      await gate.whenOpen()
      if (deps.destroyed?.()) throw GONE
      return token
    }),
    coolingDown: (): boolean => gate.until() !== null,
    whenOpen: () => gate.whenOpen(),
    /** A 429 landed somewhere else (another tab): nothing is sent until `until`. */
    extend: (until: number) => gate.extend(until),
  }
}
