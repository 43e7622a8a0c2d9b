import { createElement } from 'react'
import { act, cleanup, render } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { MemoryStorage, StorageKeys } from '@kinde/js-utils'
import { KindeProvider, useKindeAuth } from '@kinde-oss/kinde-auth-react'
import { createAccountStore } from 'kinde-account-sync'
import { fromKinde } from 'kinde-account-sync/kinde'
import { createMockAccountApi, type MockAccountApi } from 'kinde-account-sync/mock'
import { decodePayload } from '../../src/mock/jwt'
import { s256 } from '../../src/mock/oauth/pkce'
import { CLIENT_ID, installMockFetch, REDIRECT, until } from './support'

let api: MockAccountApi
let sent: ReturnType<typeof installMockFetch>['sent']
let auth: ReturnType<typeof useKindeAuth> | undefined

const VERIFIER = 'react-test-verifier-'.padEnd(60, 'x')

/** Tokens from the mock's OAuth, put where KindeProvider's store keeps them after its callback. */
async function signedInStorage(loginHint = 'carol@globex.example') {
  const query = new URLSearchParams({ client_id: CLIENT_ID, response_type: 'code', redirect_uri: REDIRECT,
    scope: 'openid profile email offline', state: 's', code_challenge: await s256(VERIFIER), code_challenge_method: 'S256',
    login_hint: loginHint })
  const code = new URL((await api.fetch(`/oauth2/auth?${query}`, { redirect: 'manual' })).headers.get('location')!).searchParams.get('code')!
  const body = await (await api.fetch('/oauth2/token', { method: 'POST', body: new URLSearchParams({ client_id: CLIENT_ID, code,
    code_verifier: VERIFIER, grant_type: 'authorization_code', redirect_uri: REDIRECT }) })).json()
  const storage = new MemoryStorage()
  await storage.setItems({ [StorageKeys.accessToken]: body.access_token, [StorageKeys.idToken]: body.id_token,
    [StorageKeys.refreshToken]: body.refresh_token })
  return storage
}

function Probe() {
  auth = useKindeAuth()
  return null
}

async function mount(storage: MemoryStorage) {
  render(createElement(KindeProvider, { domain: api.baseUrl, clientId: CLIENT_ID, redirectUri: REDIRECT, store: storage,
    children: createElement(Probe) }))
  await until(() => auth?.isAuthenticated === true, 'KindeProvider signed in')
}

beforeEach(() => {
  api = createMockAccountApi()
  const mock = installMockFetch(api)
  sent = mock.sent
  vi.stubGlobal('fetch', mock.fetch)
  auth = undefined
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('fromKinde(useKindeAuth()), with @kinde-oss/kinde-auth-react 5.13.1', () => {
  test("the token is what getAccessToken() reads; onUnauthorized calls refreshToken({ domain, clientId }) from the token's iss and azp", async () => {
    const storage = await signedInStorage()
    await mount(storage)
    const bridge = fromKinde(auth!)
    const first = await bridge.token()
    expect(decodePayload(first!)!.sub).toBe('kp_carol')
    api.grantPermission('kp_carol', 'reports:export')
    await act(() => bridge.onUnauthorized())
    const next = await bridge.token()
    expect(next).not.toBe(first)
    expect(decodePayload(next!)!.permissions).toContain('reports:export')
    const refresh = sent.filter((r) => r.form?.grant_type === 'refresh_token')
    expect(refresh).toHaveLength(1)
    expect(refresh[0]!.form).toEqual({ refresh_token: '…', grant_type: 'refresh_token', client_id: CLIENT_ID })
    expect(refresh[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=UTF-8')
  })

  test('the store shows the user, and a logout reads as signed out', async () => {
    const storage = await signedInStorage()
    await mount(storage)
    const store = createAccountStore({ ...fromKinde(auth!), fetch: api.fetch, persist: false, crossTab: false, refreshInterval: false })
    await until(() => store.profile.get().status === 'ready', 'profile')
    expect(store.profile.get().data!.email).toBe('carol@globex.example')
    const navigate = vi.fn()
    Object.defineProperty(document, 'location', { configurable: true, get: () => window.location, set: navigate })
    await act(() => auth!.logout())
    delete (document as { location?: unknown }).location
    expect(String(navigate.mock.calls[0]![0])).toMatch(new RegExp(`^${api.baseUrl}/logout\\?redirect=`))
    expect(await fromKinde(auth!).token()).toBeNull()
    await store.refresh()
    expect(store.profile.get().status).toBe('idle')
    store.destroy()
  })

  test('refreshOnDrift: a fresh token that carries what the API now grants', async () => {
    const storage = await signedInStorage()
    await mount(storage)
    api.grantPermission('kp_carol', 'audit:read')
    const { onDrift } = fromKinde(auth!, { refreshOnDrift: true })
    await act(() => onDrift!({ permissions: { added: ['audit:read'], removed: [] }, roles: { added: [], removed: [] }, featureFlags: { changed: [] } }))
    expect(decodePayload((await auth!.getAccessToken())!)!.permissions).toContain('audit:read')
  })
})
