import { AccountApiError } from '../client/errors'
import type { AccountClient } from '../client/types'
import type { Gateway } from './gateway'
import type { AccountStore } from './types'

/** The store's one-off calls: portal link, introspection, sign-out, cache wipe. */
export function createActions(deps: {
  gateway: Pick<Gateway, 'send' | 'clientFor' | 'coolingDown'>
  /** The token being signed out and whether it was a JWT user's, before the session lets go of it. */
  signingOut(): { token: string | null }
  /** Reset this tab, tell the others, and delete the user's entries (queued writes included). */
  signOutLocally(): Promise<void>
  clear(): Promise<void>
  signedIn(): boolean
}): Pick<AccountStore, 'getPortalLink' | 'introspect' | 'signOut' | 'clearCache'> {
  /** Through the gateway; an answer for an earlier identity rejects as `aborted` (rule 13). */
  async function call<T>(method: 'GET' | 'POST', path: string, send: (client: AccountClient, signal: AbortSignal) => Promise<T>): Promise<T> {
    if (!deps.signedIn()) throw new AccountApiError({ kind: 'unauthorized', method, path, message: 'signed out' })
    const out = await deps.gateway.send(send, { method, path, evenIfPaused: true })
    if (out.type === 'ok') return out.value
    if (out.type === 'stale' || out.type === 'paused') { // paused cannot happen: actions send even so
      throw new AccountApiError({ kind: 'aborted', method, path, message: 'the identity changed' })
    }
    // a refusal of a token replaced meanwhile rejects this call, but pauses nothing
    throw out.error
  }

  return {
    // never cached, persisted or posted to other tabs: a portal link is a one-time credential
    getPortalLink: (opts = {}) =>
      call('GET', '/account_api/v1/portal_link', (c, signal) => c.getPortalLink({ ...opts, signal })).then((r) => r.url),
    introspect: () => call('POST', '/oauth2/introspect', (c, signal) => c.introspect({ signal })),
    async signOut({ clientId, revoke = true } = {}) {
      const { token } = deps.signingOut()
      // Reset first so nothing of this user shows while the revoke travels.
      const wiped = deps.signOutLocally()
      if (revoke && clientId && token) {
        // best effort; during a cool-down it goes after it (unless the store is destroyed by then),
        // and sign-out does not wait (rule 15)
        const sent = deps.gateway.clientFor(token).revoke({ clientId, token }).catch(() => {})
        if (!deps.gateway.coolingDown()) await sent
      }
      await wiped
    },
    clearCache: () => deps.clear(),
  }
}
