import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import {
  exchangeAuthCode, frameworkSettings, generateAuthUrl, IssuerRouteTypes, MemoryStorage, refreshToken, setActiveStorage,
  clearActiveStorage, StorageKeys,
} from '@kinde/js-utils'
import { createAccountStore } from 'kinde-account-sync'
import { fromKinde } from 'kinde-account-sync/kinde'
import { createMockAccountApi, type MockAccountApi } from 'kinde-account-sync/mock'
import { decodePayload } from '../../src/mock/jwt'
import { authorizeAt, CLIENT_ID, installMockFetch, REDIRECT, until } from './support'

let api: MockAccountApi
let sent: ReturnType<typeof installMockFetch>['sent']
let storage: MemoryStorage

async function signIn(loginHint = 'bob@acme.example') {
  const { url } = await generateAuthUrl(api.baseUrl, IssuerRouteTypes.login, { clientId: CLIENT_ID, redirectURL: REDIRECT })
  const back = await authorizeAt(api, url, loginHint)
  const result = await exchangeAuthCode({ urlParams: back.searchParams, domain: api.baseUrl, clientId: CLIENT_ID, redirectURL: REDIRECT })
  expect(result.success).toBe(true)
}

beforeEach(() => {
  api = createMockAccountApi()
  const mock = installMockFetch(api)
  sent = mock.sent
  vi.stubGlobal('fetch', mock.fetch)
  storage = new MemoryStorage()
  setActiveStorage(storage)
  Object.assign(frameworkSettings, { framework: 'test', frameworkVersion: '1', sdkVersion: '0.32.1' })
})
afterEach(() => {
  clearActiveStorage()
  vi.unstubAllGlobals()
})

describe('fromKinde(js-utils session manager), with @kinde/js-utils 0.32.1', () => {
  test('js-utils signs in against the mock with the code and its PKCE verifier', async () => {
    await signIn()
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /oauth2/token'])
    expect(sent[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=UTF-8')
    expect(sent[0]!.headers['kinde-sdk']).toBe('test/0.32.1/1/Javascript')
    expect(Object.keys(sent[0]!.form!).sort()).toEqual(['client_id', 'code', 'code_verifier', 'grant_type', 'redirect_uri'])
    expect(sent[0]!.form).toMatchObject({ grant_type: 'authorization_code', client_id: CLIENT_ID, redirect_uri: REDIRECT })
    expect(decodePayload(String(await storage.getSessionItem(StorageKeys.accessToken)))!.sub).toBe('kp_bob')
  })

  test('the token is the stored access token; without one it is unknown while a refresh token remains, null after destroySession', async () => {
    const { token } = fromKinde(storage)
    expect(await token()).toBeNull()
    await signIn()
    const access = await token()
    expect(decodePayload(access!)!.sub).toBe('kp_bob')
    await storage.removeSessionItem(StorageKeys.accessToken)
    expect(await token()).toBeUndefined()
    await storage.destroySession()
    expect(await token()).toBeNull()
  })

  test('the store signs in from the session manager and follows a js-utils refresh with no sign-out in between', async () => {
    await signIn()
    const store = createAccountStore({ ...fromKinde(storage), fetch: api.fetch, persist: false, crossTab: false, refreshInterval: false })
    const statuses: string[] = []
    store.profile.$state.subscribe((s) => statuses.push(s.status))
    await until(() => store.profile.get().status === 'ready', 'profile')
    expect(store.profile.get().data!.email).toBe('bob@acme.example')
    statuses.length = 0
    api.grantPermission('kp_bob', 'reports:export')
    const refreshed = await refreshToken({ domain: api.baseUrl, clientId: CLIENT_ID })
    expect(refreshed.success).toBe(true)
    expect(sent.at(-1)!.form).toEqual({ refresh_token: '…', grant_type: 'refresh_token', client_id: CLIENT_ID })
    await store.refresh()
    expect(store.hasPermission('reports:export').get()).toBe(true)
    expect(statuses.length).toBeGreaterThan(0)
    expect(statuses.every((s) => s === 'ready')).toBe(true)
    store.destroy()
  })

  test('the store follows the session manager by itself: a refreshed token and destroySession() apply with no trigger', async () => {
    await signIn()
    const store = createAccountStore({ ...fromKinde(storage), fetch: api.fetch, persist: false, crossTab: false, refreshInterval: false,
      refetchOnFocus: false, refetchOnReconnect: false })
    await until(() => store.profile.get().status === 'ready', 'profile')
    const canExport = store.hasPermission('reports:export')
    const seen: boolean[] = []
    canExport.$value.subscribe((v) => seen.push(v))
    const sessions: string[] = []
    store.$session.subscribe((s) => sessions.push(s.status))
    api.grantPermission('kp_bob', 'reports:export')
    // js-utils writes the new token into the session manager; nobody tells the store, no interval runs
    expect((await refreshToken({ domain: api.baseUrl, clientId: CLIENT_ID })).success).toBe(true)
    await until(() => canExport.get(), 'the refreshed token\'s claims')
    expect(seen).toEqual([false, true])
    expect(sessions.every((s) => s === 'signed-in')).toBe(true) // no sign-out flash in between
    await storage.destroySession()
    await until(() => store.$session.get().status === 'signed-out', 'signed out by destroySession()')
    expect(store.profile.get().data).toBeUndefined()
    store.destroy()
  })

  test('onUnauthorized uses the refresh option (a bare session manager cannot refresh itself)', async () => {
    await signIn()
    const before = await storage.getSessionItem(StorageKeys.accessToken)
    const bridge = fromKinde(storage, { refresh: () => refreshToken({ domain: api.baseUrl, clientId: CLIENT_ID }) })
    await bridge.onUnauthorized()
    expect(await bridge.token()).not.toBe(before)
    await expect(fromKinde(storage).onUnauthorized()).resolves.toBeUndefined()
  })

  test('refreshOnDrift without a refresh option says how to give one (a bare session manager cannot get a new token)', async () => {
    await signIn()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const before = await storage.getSessionItem(StorageKeys.accessToken)
    await fromKinde(storage, { refreshOnDrift: true }).onDrift!({ permissions: { added: ['x'], removed: [] }, roles: { added: [], removed: [] }, featureFlags: { changed: [] } })
    expect(warn.mock.calls[0]![0]).toMatch(/refreshOnDrift with a session manager needs .*refresh: \(\) =>/)
    expect(await storage.getSessionItem(StorageKeys.accessToken)).toBe(before)
    warn.mockRestore()
  })

  test('anything else is refused with a clear error', () => {
    expect(() => fromKinde({} as never)).toThrow(/session manager/)
  })
})
