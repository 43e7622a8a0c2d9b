import { describe, expect, test, vi } from 'vitest'
import { createAccountStore } from 'kinde-account-sync'
import { fromKinde } from 'kinde-account-sync/kinde'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { until } from './support'

// The SDKs' in-between answers, which a real SDK gives only in races (another tab holding the
// refresh lock, a provider not mounted yet): shaped here as each SDK answers them.

describe('fromKinde: undefined means not known now', () => {
  test('pkce-js without a token but with its ID token: unknown; without both: signed out', async () => {
    let id: string | undefined = 'id.token.here'
    const client = { getAccessToken: async () => undefined, isAuthenticated: async () => false, getIdToken: async () => id }
    expect(await fromKinde(client).token()).toBeUndefined()
    id = undefined
    expect(await fromKinde(client).token()).toBeNull()
  })

  test("React's getAccessToken() before a session manager exists (undefined) is unknown; null is signed out", async () => {
    let value: string | null | undefined
    const auth = { getAccessToken: async () => value, refreshToken: vi.fn(), isAuthenticated: false }
    expect(await fromKinde(auth).token()).toBeUndefined()
    value = null
    expect(await fromKinde(auth).token()).toBeNull()
  })

  test('the store keeps the last token (and its data) while the SDK answers undefined, and signs out on null', async () => {
    const api = createMockAccountApi()
    let token: string | null | undefined = await api.issueToken('kp_bob')
    const client = { getAccessToken: async () => token ?? undefined, isAuthenticated: async () => true,
      getIdToken: async () => (token === null ? undefined : 'id') }
    const store = createAccountStore({ ...fromKinde(client), fetch: api.fetch, persist: false, crossTab: false, refreshInterval: false })
    await until(() => store.roles.get().status === 'ready', 'roles')
    const seen: string[] = []
    store.$session.subscribe((s) => seen.push(s.status))
    token = undefined
    await store.refresh()
    expect(store.roles.get().status).toBe('ready')
    token = null
    await store.refresh()
    expect(seen).toEqual(['signed-in', 'signed-out'])
    store.destroy()
  })
})

describe('fromKinde: onUnauthorized and onDrift never reject', () => {
  test('an SDK refresh that throws is reported', async () => {
    const reportError = vi.fn()
    vi.stubGlobal('reportError', reportError)
    const auth = { getAccessToken: async () => 'not-a-jwt', refreshToken: vi.fn(), isAuthenticated: true }
    const bridge = fromKinde(auth, { domain: 'https://x.kinde.com', clientId: 'c', refreshOnDrift: true,
      refresh: () => { throw new Error('refresh failed') } })
    await expect(bridge.onUnauthorized()).resolves.toBeUndefined()
    await expect(bridge.onDrift!({ permissions: { added: [], removed: [] }, roles: { added: [], removed: [] }, featureFlags: { changed: [] } }))
      .resolves.toBeUndefined()
    expect(reportError).toHaveBeenCalledTimes(2)
    vi.unstubAllGlobals()
  })

  test("React without a JWT to read iss/azp from: refreshToken() is not called with half its arguments", async () => {
    const auth = { getAccessToken: async () => null, refreshToken: vi.fn(), isAuthenticated: false }
    await fromKinde(auth).onUnauthorized()
    expect(auth.refreshToken).not.toHaveBeenCalled()
    await fromKinde(auth, { domain: 'https://x.kinde.com', clientId: 'c' }).onUnauthorized()
    expect(auth.refreshToken).toHaveBeenCalledWith({ domain: 'https://x.kinde.com', clientId: 'c' })
  })

  test('without refreshOnDrift there is no onDrift', () => {
    expect(fromKinde({ getAccessToken: async () => undefined, isAuthenticated: async () => false }).onDrift).toBeUndefined()
  })
})
