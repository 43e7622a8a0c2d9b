import type { KindePkceClientLike, KindeReactAuthLike, KindeSessionManagerLike } from './types'

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)

/**
 * A session manager holds the access token under `accessToken`. Without one, a session whose
 * refresh token is still stored is between tokens (being refreshed or restored): not known now.
 * `destroySession()` and Kinde's logout remove the refresh token too: signed out.
 */
export async function readSessionManager(session: KindeSessionManagerLike): Promise<string | null | undefined> {
  const token = text(await session.getSessionItem('accessToken'))
  if (token) return token
  return text(await session.getSessionItem('refreshToken')) ? undefined : null
}

/**
 * pkce-js answers `undefined` both when signed out and when it has no token *now* (another tab
 * holds the refresh lock, or a refresh failed). The stored ID token tells them apart: logout and
 * the cross-tab `session_cleared` remove it; a refresh in progress does not.
 */
export async function readPkce(client: KindePkceClientLike): Promise<string | null | undefined> {
  const token = text(await client.getAccessToken())
  if (token) return token
  if (typeof client.getIdToken !== 'function') return null
  return text(await client.getIdToken()) ? undefined : null
}

/**
 * React's `getAccessToken()` reads the active session manager: a string, `null` when it holds
 * none (signed out, or not restored yet after a reload), `undefined` before the provider set one up.
 */
export async function readReact(auth: KindeReactAuthLike): Promise<string | null | undefined> {
  const token = await auth.getAccessToken()
  return token === undefined ? undefined : text(token)
}
