import { AccountApiError } from '../client/errors'
import type { AccountClient } from '../client/types'
import type { Persister } from '../persist/types'
import type { CooldownGate } from '../schedule/cooldown'
import type { Session } from './session'
import type { AccountStore } from './types'

/** The store's one-off calls: portal link, introspection, sign-out, cache wipe. */
export function createActions(deps: {
  session: Session
  gate: CooldownGate
  client(): AccountClient | null
  /** A client bound to one token (sign-out revokes after the session has let go of it). */
  clientFor(token: string): AccountClient
  rateLimited(error: AccountApiError): void
  persister: Persister | null
  signOutLocally(): void
}): Pick<AccountStore, 'getPortalLink' | 'introspect' | 'signOut' | 'clearCache'> {
  const { session, gate } = deps

  /** Like a resource attempt: waits out a cool-down, never sends an expired token. */
  async function call<T>(method: string, path: string, send: (client: AccountClient) => Promise<T>): Promise<T> {
    await gate.whenOpen()
    const epoch = session.epoch()
    const verdict = await session.prepare(epoch)
    const client = deps.client()
    if (!client || session.token() === null || epoch !== session.epoch()) {
      throw new AccountApiError({ kind: 'unauthorized', method, path, message: 'signed out' })
    }
    // 'paused' after an expired token's episode began is still an expired token: never sent
    if (verdict === 'expired' || session.expired()) {
      session.unauthorized()
      throw new AccountApiError({ kind: 'unauthorized', method, path, message: 'token expired' })
    }
    const sent = session.token()
    try {
      return await send(client)
    } catch (error) {
      if (error instanceof AccountApiError && error.kind === 'rate_limited') deps.rateLimited(error)
      // only a refusal of the current token starts an episode (not of one replaced meanwhile)
      else if (error instanceof AccountApiError && error.kind === 'unauthorized' && sent === session.token()) session.unauthorized()
      throw error
    }
  }

  return {
    // never cached, persisted or posted to other tabs: a portal link is a one-time credential
    getPortalLink: (opts = {}) =>
      call('GET', '/account_api/v1/portal_link', (c) => c.getPortalLink(opts)).then((r) => r.url),
    introspect: () => call('POST', '/oauth2/introspect', (c) => c.introspect()),
    async signOut({ clientId, revoke = true } = {}) {
      const identity = session.identity()
      const token = session.token()
      const jwt = session.isJwt()
      // Reset first so nothing of this user shows while the revoke travels.
      deps.signOutLocally()
      const work: Promise<unknown>[] = []
      if (revoke && clientId && token) {
        work.push(Promise.resolve().then(() => deps.clientFor(token).revoke({ clientId, token })).catch(() => {}))
      }
      if (deps.persister && identity && jwt) work.push(deps.persister.removeUser(identity)) // every org of this user (§6)
      await Promise.all(work)
    },
    clearCache: async () => { await deps.persister?.clear() },
  }
}
