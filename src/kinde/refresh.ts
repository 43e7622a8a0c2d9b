import { decodeClaims } from '../token/decode'
import type { Detected } from './detect'
import type { FromKindeOptions } from './types'

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)

/**
 * React's `refreshToken()` is js-utils' and needs the domain and client id. The access token
 * names both (`iss`, `azp`), so the bridge needs no configuration unless the app gives them.
 */
async function refreshReact(detected: Extract<Detected, { kind: 'react' }>, options: FromKindeOptions): Promise<void> {
  const claims = decodeClaims(text(await detected.sdk.getAccessToken()) ?? '')
  const domain = options.domain ?? text(claims?.iss)
  const clientId = options.clientId ?? text(claims?.azp)
  if (domain && clientId) await detected.sdk.refreshToken({ domain, clientId })
}

/** After a 401/403: the SDK's own way to a valid token. */
export async function refreshAfterUnauthorized(detected: Detected, options: FromKindeOptions): Promise<void> {
  if (options.refresh) return void (await options.refresh())
  switch (detected.kind) {
    // pkce-js refreshes inside getAccessToken() once its token is near expiry, tab-coordinated.
    case 'pkce': return void (await detected.sdk.getAccessToken())
    case 'react': return refreshReact(detected, options)
    // A bare session manager cannot refresh; the store re-reads it, and the SDK's timer refreshes.
    case 'session': return
  }
}

/** After drift: a fresh token now, even though the current one has not expired. */
export async function forceRefresh(detected: Detected, options: FromKindeOptions): Promise<void> {
  if (options.refresh) return void (await options.refresh())
  switch (detected.kind) {
    case 'pkce':
      // Its deprecated getToken({ isForceRefresh }) rejects tokens within 30 s of expiry *after*
      // spending the rotated refresh token, ending the session; so no default here.
      console.warn('kinde-account-sync/kinde: refreshOnDrift with kinde-auth-pkce-js needs '
        + "fromKinde(kinde, { refreshOnDrift: true, refresh: () => refreshToken({ domain, clientId }) }) "
        + "(refreshToken from '@kinde-oss/kinde-auth-pkce-js')")
      return
    case 'react': return refreshReact(detected, options)
    case 'session':
      // a session manager holds tokens but cannot get new ones: say so rather than do nothing
      console.warn('kinde-account-sync/kinde: refreshOnDrift with a session manager needs '
        + 'fromKinde(sessionManager, { refreshOnDrift: true, refresh: () => /* your SDK\'s refresh */ })')
      return
  }
}
