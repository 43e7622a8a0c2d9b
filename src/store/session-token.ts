import { AccountApiError } from '../client/errors'
import type { AccessTokenClaims } from '../models'
import { after } from '../schedule/timer'
import { isExpired } from '../token'
import type { TokenStream } from '../token/source'
import type { StoreConfig } from './options'

/**
 * Reading the token source, bounded by `timeout`, and the unauthorized episode (ARCHITECTURE.md,
 * "Tokens"): a refused token pauses requests until the source yields another one.
 */
export function createTokenReader(
  stream: TokenStream, config: Pick<StoreConfig, 'timeout' | 'refreshInterval' | 'onUnauthorized' | 'now'>,
  token: () => string | null, claims: () => AccessTokenClaims | null,
) {
  let pausedToken: string | null = null
  let stopTicker: (() => void) | null = null

  /** Re-reads a function source; an error when the read throws, rejects or does not settle in time. */
  async function read(method = 'GET', path = '(token source)'): Promise<AccountApiError | undefined> {
    if (!stream.askable) return undefined // a string or a pushed source: nothing to ask, no timer to start
    const { timeout } = config
    let cancel = (): void => {}
    const late = timeout > 0 && timeout < Infinity
      ? new Promise<'late'>((resolve) => { cancel = after(timeout, () => resolve('late')) })
      : new Promise<never>(() => {})
    const result = await Promise.race([stream.read(), late])
    cancel()
    if (result === 'late') {
      return new AccountApiError({ kind: 'timeout', method, path, message: `the token source did not answer within ${timeout} ms` })
    }
    if (result && 'failed' in result) {
      return new AccountApiError({ kind: 'unauthorized', method, path, message: 'the token source failed', cause: result.failed })
    }
    return undefined
  }

  const api = {
    read,
    /** The current token got 401/403 (or is expired): pause, call onUnauthorized once, re-read. */
    unauthorized(): void {
      const current = token()
      if (current === null || current === pausedToken) return // one call per episode
      pausedToken = current
      // Never let the user's callback or the source reject into the void (rule 10).
      Promise.resolve()
        .then(() => config.onUnauthorized?.())
        .catch(() => {})
        .then(() => read())
        .catch(() => {})
    },
    /** The current token is the one that got unauthorized: nothing is sent with it. */
    paused: (): boolean => token() !== null && token() === pausedToken,
    /** The current token is past its `exp` now (never sent). */
    expired: (): boolean => isExpired(claims(), config.now()),
  }

  return {
    api,
    /**
     * Signed out, a function source is still read on every interval tick: sign-out stops
     * requests, not the reading of the source (ARCHITECTURE.md, "Tokens").
     */
    signedIn(yes: boolean): void {
      stopTicker?.()
      stopTicker = null
      const every = config.refreshInterval
      if (yes || every === false || !stream.askable) return
      const id = setInterval(() => { void read() }, every)
      stopTicker = () => clearInterval(id)
    },
    stop(): void {
      stopTicker?.()
      stopTicker = null
    },
  }
}
