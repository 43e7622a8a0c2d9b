import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import createKindeClient, { refreshToken, type KindeClient } from '@kinde-oss/kinde-auth-pkce-js'
import { createAccountStore } from 'kinde-account-sync'
import { fromKinde } from 'kinde-account-sync/kinde'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { decodePayload } from '../../src/mock/jwt'
import { authorizeAt, CLIENT_ID, installMockFetch, REDIRECT, until } from './support'

// pkce-js keeps its session in module state, as it does in a page: these tests run as one
// sign-in → refresh → drift → logout story, in order.
const api = createMockAccountApi()
const { fetch, sent } = installMockFetch(api)
let navigatedTo: string | null = null
const options = { domain: api.baseUrl, client_id: CLIENT_ID, redirect_uri: REDIRECT }
let kinde: KindeClient

beforeAll(async () => {
  vi.stubGlobal('fetch', fetch)
  // happy-dom has no Web Locks; without them pkce-js waits 10 s for another tab's tokens. One tab: always free.
  vi.spyOn(navigator as unknown as { locks: unknown }, 'locks', 'get').mockReturnValue({
    request: async (name: string, options: unknown, callback?: (lock: unknown) => unknown) =>
      (callback ?? (options as (lock: unknown) => unknown))({ name, mode: 'exclusive' }),
  } as never)
  // pkce-js leaves the page with `document.location = url`; catch it instead of navigating.
  Object.defineProperty(document, 'location', { configurable: true, get: () => window.location,
    set: (url: string) => { navigatedTo = url } })
  history.replaceState(null, '', '/')
  kinde = await createKindeClient(options)
})
afterAll(() => {
  vi.unstubAllGlobals()
  delete (document as { location?: unknown }).location
})

const sub = (token: string | null | undefined) => (token ? decodePayload(token)?.sub : token)

describe('fromKinde(pkce-js client), with @kinde-oss/kinde-auth-pkce-js 4.5.1', () => {
  test('before sign-in the token is null (signed out, not unknown)', async () => {
    expect(await fromKinde(kinde).token()).toBeNull()
  })

  test('login() goes to the mock\'s /oauth2/auth with PKCE S256; the redirect back signs in', async () => {
    await kinde.login()
    const auth = new URL(navigatedTo!)
    expect(`${auth.origin}${auth.pathname}`).toBe(`${api.baseUrl}/oauth2/auth`)
    expect(Object.fromEntries(auth.searchParams)).toMatchObject({ client_id: CLIENT_ID, response_type: 'code',
      redirect_uri: REDIRECT, scope: 'openid profile email offline', code_challenge_method: 'S256' })
    expect(auth.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const back = await authorizeAt(api, auth, 'bob@acme.example')
    history.replaceState(null, '', `${back.pathname}${back.search}`)
    kinde = await createKindeClient(options) // the page loads again at redirect_uri
    const exchange = sent.find((r) => r.form?.grant_type === 'authorization_code')!
    expect(exchange.form).toEqual({ client_id: CLIENT_ID, code: '…', code_verifier: '…', grant_type: 'authorization_code', redirect_uri: REDIRECT })
    expect(await kinde.isAuthenticated()).toBe(true)
    expect(sub(await fromKinde(kinde).token())).toBe('kp_bob')
  })

  test('the store follows the client; a token pkce-js refreshes is picked up with no sign-out', async () => {
    const store = createAccountStore({ ...fromKinde(kinde), fetch: api.fetch, persist: false, crossTab: false, refreshInterval: false })
    await until(() => store.permissions.get().status === 'ready', 'permissions')
    const statuses: string[] = []
    store.permissions.$state.subscribe((s) => statuses.push(s.status))
    api.grantPermission('kp_bob', 'reports:export')
    // A near-expiry token: pkce-js refreshes inside getAccessToken(), which the store calls on refresh().
    api.setExpiresIn(20)
    const first = await kinde.getAccessToken()
    await fromKinde(kinde).onUnauthorized() // nothing to refresh yet: the stored token is still fresh
    expect(await kinde.getAccessToken()).toBe(first)
    await refreshToken({ domain: api.baseUrl, clientId: CLIENT_ID }) // now a 20 s token
    const before = await kinde.getAccessToken()
    await store.refresh()
    expect(await kinde.getAccessToken()).not.toBe(before) // 20 s < pkce-js' 30 s margin: each read refreshes
    expect(store.hasPermission('reports:export').get()).toBe(true)
    expect(statuses.every((s) => s === 'ready')).toBe(true)
    const refreshes = sent.filter((r) => r.form?.grant_type === 'refresh_token')
    expect(refreshes.length).toBeGreaterThan(0)
    for (const r of refreshes) expect(r.form).toEqual({ client_id: CLIENT_ID, grant_type: 'refresh_token', refresh_token: '…' })
    store.destroy()
    api.setExpiresIn(3600)
  })

  test('refreshOnDrift forces a fresh token that carries the API\'s grant', async () => {
    await refreshToken({ domain: api.baseUrl, clientId: CLIENT_ID }) // a token of the usual hour
    api.grantPermission('kp_bob', 'audit:read')
    expect(decodePayload((await kinde.getAccessToken())!)!.permissions).not.toContain('audit:read')
    // pkce-js re-exports js-utils' refreshToken, wired to its cross-tab refresh lock: the way to force one.
    const { onDrift } = fromKinde(kinde, { refreshOnDrift: true, refresh: () => refreshToken({ domain: api.baseUrl, clientId: CLIENT_ID }) })
    await onDrift!({ permissions: { added: ['audit:read'], removed: [] }, roles: { added: [], removed: [] }, featureFlags: { changed: [] } })
    expect(decodePayload((await kinde.getAccessToken())!)!.permissions).toContain('audit:read')
  })

  test('without a refresh option, refreshOnDrift on pkce-js says how to give one (its getToken() force path drops rotated refresh tokens)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const token = await kinde.getAccessToken()
    await fromKinde(kinde, { refreshOnDrift: true }).onDrift!({ permissions: { added: ['x'], removed: [] }, roles: { added: [], removed: [] }, featureFlags: { changed: [] } })
    expect(warn.mock.calls[0]![0]).toMatch(/refresh: \(\) => refreshToken/)
    expect(await kinde.getAccessToken()).toBe(token)
    warn.mockRestore()
  })

  test('logout() leaves for the mock\'s /logout with redirect, and the token reads null', async () => {
    await kinde.logout()
    const out = new URL(navigatedTo!)
    expect(`${out.origin}${out.pathname}`).toBe(`${api.baseUrl}/logout`)
    expect(out.searchParams.get('redirect')).toBe(REDIRECT)
    expect(await fromKinde(kinde).token()).toBeNull()
  })
})
