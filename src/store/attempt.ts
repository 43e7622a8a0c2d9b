import { AccountApiError } from '../client/errors'
import { backoffDelay } from '../schedule/backoff'
import { sleep } from '../schedule/timer'
import type { PipelineContext } from './context'
import { deepEqual } from './equal'
import type { Fetcher } from './fetchers'
import type { ResourceAction } from './state'

export interface AttemptOptions<T> {
  key: string
  path: string
  fetch: Fetcher<T>
  epoch: number
  signal: AbortSignal
  dispatch(action: ResourceAction<T>): void
  /** The resource's current data (to keep its reference when an answer is deep-equal). */
  data(): T | undefined
  /** True once this cycle may apply nothing more: aborted, destroyed, or another identity. */
  dead(): boolean
  missed(value: boolean): void
  resumeAfterCooldown(): void
}

// a function, not a module-scope Set: nothing runs at import time (tree-shaking)
const retryable = (kind: string): boolean => kind === 'network' || kind === 'timeout' || kind === 'server'

/**
 * One attempt cycle of one resource (TanStack retryer.ts, plus the cool-down gate): wait out a
 * cool-down, never start offline, re-read the token, send, then apply the answer or the error,
 * retrying network/5xx/timeout with backoff. Resolves when the cycle settles; applies nothing
 * once `dead()`.
 */
export async function attemptCycle<T>(ctx: PipelineContext, o: AttemptOptions<T>): Promise<void> {
  const { dispatch, dead } = o
  for (let attempt = 0; ;) {
    if (ctx.gate.until() !== null) {
      dispatch({ type: 'idle' }) // a cool-down wait is no attempt (state table, 429 row)
      await ctx.gate.whenOpen()
      if (dead()) return
    }
    if (!ctx.online.get()) {
      o.missed(true)
      return dispatch({ type: 'idle' })
    }
    dispatch({ type: 'fetch' })
    const verdict = await ctx.prepare(o.epoch)
    if (dead()) return
    if (verdict === 'paused') return dispatch({ type: 'idle' })
    if (verdict === 'expired') {
      const error = new AccountApiError({ kind: 'unauthorized', method: 'GET', path: o.path, message: 'token expired' })
      dispatch({ type: 'failure', retrying: false, error })
      return ctx.unauthorized()
    }
    if (ctx.gate.until() !== null) continue // another resource hit a 429 meanwhile
    let error: AccountApiError
    const sent = ctx.token()
    try {
      const data = await o.fetch(ctx.client(), o.signal)
      if (dead()) return
      const updatedAt = ctx.now()
      const prev = o.data()
      const kept = prev !== undefined && deepEqual(prev, data) ? prev : data
      dispatch({ type: 'success', data: kept, updatedAt, source: 'network' })
      o.missed(false)
      return ctx.networkSuccess(o.key, { data: kept, updatedAt })
    } catch (e) {
      if (dead()) return
      error = e instanceof AccountApiError ? e : new AccountApiError({ kind: 'network', method: 'GET', path: o.path, cause: e })
    }
    // A 401/403 for a token already replaced (the episode's onUnauthorized brought a new one while
    // this request travelled) says nothing about the current token: send again with it.
    if (error.kind === 'unauthorized' && sent !== ctx.token()) continue
    const retrying = retryable(error.kind) && attempt < ctx.retry.attempts && ctx.online.get()
    dispatch({ type: 'failure', error, retrying })
    if (error.kind === 'rate_limited') {
      ctx.rateLimited(error)
      return o.resumeAfterCooldown()
    }
    if (error.kind === 'unauthorized') return ctx.unauthorized()
    if (!retrying) {
      if (!ctx.online.get()) o.missed(true)
      return
    }
    const delay = Math.max(backoffDelay(attempt, ctx.retry, ctx.random), error.retryAfterMs ?? 0)
    attempt++
    await sleep(delay, o.signal)
    if (dead()) return
  }
}
