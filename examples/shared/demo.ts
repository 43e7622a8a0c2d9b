// What the examples share: sign-in against the demo server, the refresh interval
// from the URL, and the store's options. Each example does its own rendering.
import { createAccountStore, type AccountStore } from 'kinde-account-sync'
import { RESOURCES, errorText } from './format'

export interface DemoUser {
  id: string
  name: string
  email: string | null
  picture: string | null
  orgs: string[]
}

/** The Kinde application id the demo revokes tokens with on sign-out (the demo's mock uses it). */
const CLIENT_ID = 'kinde_account_sync_demo'
/** Remembers who is signed in (the user id, never the token) so a reload signs in again. */
const WHO = 'kinde-account-sync-demo:who'

/** `refreshInterval` from `?interval=<ms>`; 5 s when absent so the demo looks live. */
export function intervalFromUrl(search: string = location.search): number {
  const ms = Number(new URLSearchParams(search).get('interval'))
  return Number.isFinite(ms) && ms >= 250 ? ms : 5000
}

/** One way to sign in: a user in one of their orgs. */
export interface SignInChoice {
  user: DemoUser
  org: string | null
  /** `signin-<userId>` for the user's first org, `signin-<userId>-<org>` for the others. */
  testId: string
}

/** The picker's choices: every mock user in each of their orgs. */
export async function listSignInChoices(): Promise<SignInChoice[]> {
  const res = await fetch('/demo/users')
  if (!res.ok) throw new Error(`The demo server answered ${res.status} for its user list`)
  const { users } = (await res.json()) as { users: DemoUser[] }
  return users.flatMap((user) => (user.orgs.length ? user.orgs : [null]).map((org, i) => ({
    user, org, testId: i === 0 ? `signin-${user.id}` : `signin-${user.id}-${org}`,
  })))
}

/** A fresh access token from the demo server. The app keeps it in memory only. */
async function fetchToken(userId: string, org: string | null): Promise<string> {
  const query = new URLSearchParams({ user: userId, ...(org ? { org } : {}) })
  const res = await fetch(`/demo/token?${query}`, { cache: 'no-store' })
  if (!res.ok) throw new Error(`The demo server answered ${res.status} for a token`)
  return ((await res.json()) as { token: string }).token
}

function remembered(): { user: string; org: string | null } | null {
  try {
    return JSON.parse(localStorage.getItem(WHO) ?? 'null')
  } catch {
    return null
  }
}

/** One store for the whole app (never one per component). */
export function createDemoStore(): AccountStore {
  const store: AccountStore = createAccountStore({
    token: null,
    refreshInterval: intervalFromUrl(),
    // A real app refreshes its Kinde session here; the demo asks its server for a new token.
    onUnauthorized: async () => {
      const who = remembered()
      if (who) store.setToken(await fetchToken(who.user, who.org))
    },
  })
  reportFailureEpisodes(store)
  return store
}

/**
 * One console line when the API starts failing and one when it answers again, however many
 * retries and resources the episode spans: the store keeps retrying with backoff by itself, so
 * a line per failed attempt would only bury what a developer should look at. (The browser may
 * add its own network line per failed request; DevTools' "Hide network" filter hides those.)
 */
export function reportFailureEpisodes(store: AccountStore, log: Pick<Console, 'error' | 'warn' | 'info'> = console): () => void {
  let failing = false
  const check = (): void => {
    const errors = RESOURCES.map(({ name }) => store.resource(name).get().error).filter((e) => e !== undefined)
    if (errors.length > 0 && !failing) {
      failing = true
      const first = errors[0]!
      // A 429 is the API asking for patience, not a fault: the session bar shows its countdown.
      const line = `[demo] The Account API is failing (${errorText(first)} on ${first.method} ${first.path}); `
        + 'the store retries with backoff and keeps the data it has.'
      if (first.kind === 'rate_limited') log.warn(line)
      else log.error(line)
    } else if (errors.length === 0 && failing) {
      failing = false
      log.info('[demo] The Account API answers again.')
    }
  }
  const stops = RESOURCES.map(({ name }) => store.resource(name).$state.listen(check))
  return () => stops.forEach((stop) => stop())
}

export async function signIn(store: AccountStore, userId: string, org: string | null = null): Promise<void> {
  localStorage.setItem(WHO, JSON.stringify({ user: userId, org }))
  store.setToken(await fetchToken(userId, org))
}

/** Signs in again as the user picked before a reload, if any. */
export function resumeSession(store: AccountStore): void {
  const who = remembered()
  if (who) signIn(store, who.user, who.org).catch((error) => console.warn('[demo] could not sign in again:', error))
}

export async function signOut(store: AccountStore): Promise<void> {
  localStorage.removeItem(WHO)
  await store.signOut({ clientId: CLIENT_ID })
}

/** Opens Kinde's self-serve portal in a new tab; the link is short-lived, so fetch it on click. */
export async function openPortal(store: AccountStore): Promise<string> {
  const url = await store.getPortalLink({ returnUrl: location.href })
  window.open(url, '_blank', 'noopener')
  return url
}
