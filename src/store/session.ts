import { atom, type ReadableAtom } from 'nanostores'
import { decodeClaims, identityOf, isExpired, sameIdentity } from '../token'
import { createTokenStream } from '../token/source'
import type { AccessTokenClaims, Identity } from '../token/types'
import type { TokenSource } from './types'

/** What the store does when the token stream moves (DESIGN.md §5 "Tokens", rules 1 and 2). */
export interface SessionEvents {
  /** A new identity (or signed out when `identity` is null): reset everything, then load it. */
  identityChanged(identity: Identity | null): void
  /** Same identity, new token (rule 1): refetch without dropping to loading. */
  tokenRefreshed(): void
}

export interface Session {
  readonly $claims: ReadableAtom<AccessTokenClaims | null>
  token(): string | null
  identity(): Identity | null
  /** The token is a JWT with iss and sub: persistence and cross-tab are allowed. */
  isJwt(): boolean
  epoch(): number
  /** Re-reads a function source; 'paused' while the current token is the one that got unauthorized. */
  prepare(epoch: number): Promise<'send' | 'paused' | 'expired'>
  /** The current token got 401/403 (or is expired): pause, call onUnauthorized once, re-read. */
  unauthorized(): void
  paused(): boolean
  /** The current token is past its `exp` (never sent, whatever the verdict). */
  expired(): boolean
  set(token: string | null): void
  /** Signs out and ignores this token if the source yields it again. */
  signOut(): void
  start(): void
  destroy(): void
}

export function createSession(options: {
  token: TokenSource
  /** Used as the identity's `iss` for a token that is not a JWT. */
  domain?: string
  now: () => number
  onUnauthorized?: () => void | Promise<void>
  events: SessionEvents
}): Session {
  const $claims = atom<AccessTokenClaims | null>(null)
  let token: string | null = null
  let identity: Identity | null = null
  let jwt = false
  let epoch = 0
  let opaqueCount = 0
  let signedOutToken: string | null = null
  let pausedToken: string | null = null
  let destroyed = false
  let started = false

  const onToken = (next: string | null): void => {
    if (destroyed || !started) return
    if (next !== null && next === signedOutToken) return // DESIGN §5: the signed-out token is ignored
    if (next === token) return
    const claims = next === null ? null : decodeClaims(next)
    // A token that is not a JWT has no identity we can compare: each one is its own identity, so
    // nothing of one can ever show under another.
    const nextIdentity = next === null ? null
      : identityOf(claims) ?? { iss: options.domain ?? '', sub: `opaque:${++opaqueCount}`, orgCode: null }
    const same = next !== null && token !== null && jwt && claims !== null && sameIdentity(identity, nextIdentity)
    token = next
    jwt = next !== null && identityOf(claims) !== null
    $claims.set(jwt ? claims : null)
    if (same) return options.events.tokenRefreshed()
    identity = nextIdentity
    epoch++
    options.events.identityChanged(identity)
  }

  const stream = createTokenStream(options.token, (next) => onToken(next))

  const expired = (): boolean => isExpired($claims.get(), options.now())

  return {
    $claims,
    token: () => token,
    identity: () => identity,
    isJwt: () => jwt,
    epoch: () => epoch,
    async prepare(at) {
      await stream.read()
      if (at !== epoch || token === null) return 'paused'
      if (token === pausedToken) return 'paused'
      return expired() ? 'expired' : 'send'
    },
    unauthorized() {
      if (token === null || token === pausedToken) return // one call per episode
      pausedToken = token
      const read = (): Promise<void> => stream.read()
      // Never let the user's callback or the source reject into the void (rule 10).
      Promise.resolve()
        .then(() => options.onUnauthorized?.())
        .catch(() => {})
        .then(read)
        .catch(() => {})
    },
    paused: () => token !== null && token === pausedToken,
    expired,
    set: (next) => stream.set(next),
    signOut() {
      if (token !== null) signedOutToken = token
      onToken(null)
    },
    start() {
      // the initial value of a static or pushed source arrived in createTokenStream; a function is read now
      started = true
      if (stream.current() !== token) onToken(stream.current())
      void stream.read()
    },
    destroy() {
      destroyed = true
      stream.close()
    },
  }
}
