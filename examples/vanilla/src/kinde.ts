// Sign-in through Kinde's own browser SDK (@kinde-oss/kinde-auth-pkce-js) against the demo's
// mock Kinde: the same redirects, PKCE and refresh tokens as with a real Kinde domain. The store
// follows the SDK through fromKinde(); the app never handles a token itself.
import createKindeClient, { refreshToken, type KindeClient } from '@kinde-oss/kinde-auth-pkce-js'
import { createAccountStore, type AccountStore } from 'kinde-account-sync'
import { fromKinde } from 'kinde-account-sync/kinde'
import { intervalFromUrl, reportFailureEpisodes } from '../../shared/demo'

/** The other examples' "who is signed in" (a user id, never a token): here it plays Kinde's session cookie. */
const WHO = 'kinde-account-sync-demo:who'
/** Kinde's callback drops the query string; `?interval=` is kept across the round trip here. */
const SEARCH = 'kinde-account-sync-demo:search'
/** One silent sign-in attempt per tab, so a refused one cannot loop. */
const TRIED = 'kinde-account-sync-demo:tried'

let kinde: KindeClient
let clientId = ''

export async function startKinde(): Promise<AccountStore> {
  const config = (await (await fetch('/demo/kinde')).json()) as { domain: string; clientId: string }
  clientId = config.clientId
  const home = `${location.origin}${location.pathname}`
  kinde = await createKindeClient({ domain: config.domain, client_id: clientId, redirect_uri: home, logout_uri: home })
  const search = sessionStorage.getItem(SEARCH)
  sessionStorage.removeItem(SEARCH)
  if (search && !location.search) history.replaceState(history.state, '', `${location.pathname}${search}`)
  const store = createAccountStore({
    // refreshOnDrift: when the API grants what the token lacks, ask pkce-js for a fresh token.
    ...fromKinde(kinde, { refreshOnDrift: true, refresh: () => refreshToken({ domain: config.domain, clientId }) }),
    refreshInterval: intervalFromUrl(),
  })
  reportFailureEpisodes(store) // one console line per failure episode, as in the other examples
  return store
}

/** Kinde's hosted page (the mock's user picker at /oauth2/auth), or straight through with `login_hint`. */
export function signIn(hint?: { userId: string; email: string | null; org: string | null }): Promise<void> {
  sessionStorage.setItem(SEARCH, location.search)
  if (!hint) return kinde.login()
  localStorage.setItem(WHO, JSON.stringify({ user: hint.userId, org: hint.org }))
  return kinde.login({ loginHint: hint.email ?? hint.userId, ...(hint.org ? { orgCode: hint.org } : {}) })
}

/** Signed in in another example tab but not here: sign in silently as that user, once. */
export async function resumeElsewhereSession(): Promise<void> {
  if (await kinde.isAuthenticated()) return void sessionStorage.removeItem(TRIED)
  let who: { user?: string; org?: string | null } | null = null
  try { who = JSON.parse(localStorage.getItem(WHO) ?? 'null') } catch { /* nothing remembered */ }
  if (!who?.user || sessionStorage.getItem(TRIED)) return
  sessionStorage.setItem(TRIED, '1')
  await signIn({ userId: who.user, email: null, org: who.org ?? null })
}

/** The store's sign-out (wipes this user's data in every tab), then Kinde's logout redirect. */
export async function signOut(store: AccountStore): Promise<void> {
  localStorage.removeItem(WHO)
  await store.signOut({ clientId })
  sessionStorage.setItem(SEARCH, location.search)
  await kinde.logout()
}
