import type { AccountApiError } from '../../client/errors'
import type { AccountClient } from '../../client/types'
import { backoffDelay } from '../../schedule/backoff'
import { sleep } from '../../schedule/timer'
import type { ResourceHost } from './host'
import type { ResourceAction } from './state'

export type Fetcher<T> = (client: AccountClient, signal: AbortSignal) => Promise<T>

export interface AttemptOptions<T> {
  key: string
  path: string
  fetch: Fetcher<T>
  signal: AbortSignal
  dispatch(action: ResourceAction<T>): void
  /** The resource's data now (after a success: the reference the reducer kept). */
  data(): T | undefined
  /** True once this cycle may apply nothing more: aborted, destroyed, or another identity. */
  dead(): boolean
  missed(value: boolean): void
  /** The token each request (page) left with. */
  left(token: string): void
  /** Read a function source before sending (false for a follow-up of a token change). */
  reread: boolean
  resumeAfterCooldown(): void
}

/**
 * One attempt cycle of one resource (TanStack retryer.ts, on the store's gateway): wait out a
 * cool-down, never start offline, send, then apply the outcome, retrying network/5xx/timeout with
 * backoff. Resolves when the cycle settles; applies nothing once `dead()`.
 */
export async function attemptCycle<T>(host: ResourceHost, o: AttemptOptions<T>): Promise<void> {
  const { dispatch, dead } = o
  const { config, gateway } = host
  for (let attempt = 0; ;) {
    if (gateway.coolingDown()) {
      dispatch({ type: 'idle' }) // a cool-down wait is no attempt (state table, 429 row)
      await gateway.whenOpen()
      if (dead()) return
    }
    if (!config.online.get()) {
      o.missed(true)
      return dispatch({ type: 'idle' })
    }
    // a refused token sends nothing: a refresh then shows no attempt at all
    if (!host.session.paused()) dispatch({ type: 'fetch' })
    const out = await gateway.send(o.fetch, { method: 'GET', path: o.path, signal: o.signal, reread: o.reread, leaving: (token) => { o.left(token); dispatch({ type: 'fetch' }) } })
    if (dead() || out.type === 'stale') return
    if (out.type === 'replaced') continue
    if (out.type === 'paused') return dispatch({ type: 'idle' })
    if (out.type === 'ok') {
      const updatedAt = config.now()
      dispatch({ type: 'success', data: out.value, updatedAt, source: 'network' })
      o.missed(false)
      return host.delivered(o.key, { data: o.data(), updatedAt })
    }
    const error: AccountApiError = out.error
    const retrying = out.type === 'failed' && out.retryable && attempt < config.retry.attempts && config.online.get()
    dispatch({ type: 'failure', error, retrying })
    host.failed(o.key, error)
    if (out.type === 'rate_limited') return o.resumeAfterCooldown()
    if (!retrying) {
      if (!config.online.get()) o.missed(true)
      return
    }
    const delay = Math.max(backoffDelay(attempt, config.retry, config.random), error.retryAfterMs ?? 0)
    attempt++
    await sleep(delay, o.signal)
    if (dead()) return
  }
}
