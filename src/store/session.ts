import { atom, type ReadableAtom } from 'nanostores'
import type { AccessTokenClaims, Identity } from '../models'
import { decodeClaims, identityOf, sameIdentity } from '../token'
import { createTokenStream } from '../token/source'
import { guarded, isolateListeners, report } from './report'
import { createTokenReader } from './session-token'
import type { StoreConfig } from './options'
import type { SessionState } from './types'

/**
 * The switch sequence, in the order it runs (ARCHITECTURE.md, rules 2 and 12): each step may
 * return session fields it decides. All of it, the claims and the session land in one batch, so
 * no subscriber sees one identity's data beside another identity's claims, not even once.
 */
export interface SwitchSteps {
  /** Abort what runs and reset every resource (to idle, or loading for a new identity). */
  resources(identity: Identity | null): void
  /** Delete what the previous user left on disk; show what the new identity has there. */
  persistence(identity: Identity | null, previous: Identity | null, jwt: boolean): Partial<SessionState>
  /** Leave the previous identity's tabs, join the new identity's; start syncing. */
  tabs(identity: Identity | null, jwt: boolean): Partial<SessionState>
}

export type Session = ReturnType<typeof createSession>

export function createSession(config: Pick<StoreConfig, 'token' | 'domain' | 'now' | 'timeout' | 'refreshInterval' | 'onUnauthorized' | 'online'>) {
  const $claims = atom<AccessTokenClaims | null>(null)
  const signedOutState = (rateLimitedUntil: number | null = null): SessionState => ({
    status: 'signed-out', userId: null, orgCode: null, domain: null, online: config.online.get(), leader: true,
    rateLimitedUntil, persisted: false,
  })
  const $session = isolateListeners(atom<SessionState>(signedOutState()))
  let token: string | null = null
  let identity: Identity | null = null
  let jwt = false
  let epoch = 0
  let controller = new AbortController()
  let opaqueCount = 0
  // Every token signed out here, and the ids (jti) of tokens signed out in other tabs: a source
  // yielding one again is ignored (rule 14), also after other tokens came in between.
  const signedOut = new Set<string>()
  const signedOutIds = new Set<string>()
  let destroyed = false
  let started = false
  let steps: SwitchSteps | null = null
  let refreshed: () => void = () => {}

  const onToken = (next: string | null): void => {
    if (destroyed || !started) return
    if (next !== null && signedOut.has(next)) return // the signed-out token stays ignored
    if (next === token) return
    const claims = next === null ? null : decodeClaims(next)
    if (typeof claims?.jti === 'string' && signedOutIds.has(claims.jti)) return
    // A token that is not a JWT has no identity we can compare: each one is its own identity, so
    // nothing of one can ever show under another.
    const nextIdentity = next === null ? null
      : identityOf(claims) ?? { iss: config.domain ?? '', sub: `opaque:${++opaqueCount}`, orgCode: null }
    const same = next !== null && token !== null && jwt && claims !== null && sameIdentity(identity, nextIdentity)
    token = next
    const wasJwt = jwt
    jwt = next !== null && identityOf(claims) !== null
    if (same) {
      guarded(() => $claims.set(claims))
      return refreshed() // rule 1
    }
    const previous = wasJwt ? identity : null
    identity = nextIdentity
    epoch++
    controller.abort()
    controller = new AbortController()
    reader.signedIn(identity !== null)
    guarded(() => {
      $claims.set(jwt ? claims : null)
      steps?.resources(identity)
      const fields = { ...steps?.persistence(identity, previous, jwt), ...steps?.tabs(identity, jwt) }
      const home = config.domain ?? (jwt && identity ? identity.iss : null)
      $session.set(identity === null ? { ...signedOutState($session.get().rateLimitedUntil), ...fields } : {
        ...$session.get(), status: 'signed-in', userId: jwt ? identity.sub : null, orgCode: identity.orgCode,
        domain: home, leader: true, persisted: false, ...fields,
      })
    })
  }

  const stream = createTokenStream(config.token, onToken, report)
  const reader = createTokenReader(stream, config, () => token, () => $claims.get())

  return {
    $claims: $claims as ReadableAtom<AccessTokenClaims | null>,
    $session: $session as ReadableAtom<SessionState>,
    token: () => token,
    identity: () => identity,
    /** The token is a JWT with iss and sub: persistence and cross-tab are allowed. */
    isJwt: () => jwt,
    /** Bumped on every identity change; work of an older epoch applies nothing. */
    epoch: () => epoch,
    /** Aborted when the identity changes (or the store is destroyed). */
    signal: () => controller.signal,
    signedIn: () => !destroyed && token !== null,
    ...reader.api,
    /** Session fields other parts own (online, leader, rateLimitedUntil, persisted). */
    patch(fields: Partial<SessionState>): void {
      if (destroyed) return // a late answer (a disk read, a write's verdict) changes nothing after destroy()
      const prev = $session.get()
      if ((Object.keys(fields) as (keyof SessionState)[]).some((k) => prev[k] !== fields[k])) {
        guarded(() => $session.set({ ...prev, ...fields }))
      }
    },
    set: (next: string | null) => stream.set(next),
    /** Signs out and ignores this token (and, from another tab, the token with this id) if the source yields it again. */
    signOut(jti?: string): void {
      if (token !== null) signedOut.add(token)
      if (jti) signedOutIds.add(jti)
      onToken(null)
    },
    /** The id (jti) of the current token, for other tabs to ignore it too; never the token. */
    tokenId: (): string | undefined => { const id = $claims.get()?.jti; return typeof id === 'string' ? id : undefined },
    start(switchSteps: SwitchSteps, onRefreshed: () => void): void {
      steps = switchSteps
      refreshed = onRefreshed
      started = true
      // the initial value of a static or pushed source arrived in createTokenStream; a function is read now
      if (stream.current() !== token) onToken(stream.current())
      if (token === null) reader.signedIn(false)
      void reader.api.read()
    },
    destroy(): void {
      destroyed = true
      controller.abort()
      reader.stop()
      stream.close()
    },
  }
}
