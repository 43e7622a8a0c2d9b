import { afterEach, expect, test, vi } from 'vitest'
import { clearActiveStorage, MemoryStorage, refreshToken, setActiveStorage, StorageKeys } from '@kinde/js-utils'
import { createAccountStore, type ClaimsDrift } from 'kinde-account-sync'
import { fromKinde } from 'kinde-account-sync/kinde'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { decodePayload } from '../../src/mock/jwt'
import { s256 } from '../../src/mock/oauth/pkce'
import { CLIENT_ID, installMockFetch, REDIRECT, until } from './support'

afterEach(() => {
  clearActiveStorage()
  vi.unstubAllGlobals()
})

test('a permission the API grants and the token lacks shows in $drift; refreshOnDrift brings a token that carries it', async () => {
  const api = createMockAccountApi()
  vi.stubGlobal('fetch', installMockFetch(api).fetch)
  const verifier = 'drift-verifier-'.padEnd(50, 'd')
  const query = new URLSearchParams({ client_id: CLIENT_ID, response_type: 'code', redirect_uri: REDIRECT, scope: 'openid offline',
    state: 's', code_challenge: await s256(verifier), code_challenge_method: 'S256', login_hint: 'kp_bob' })
  const code = new URL((await api.fetch(`/oauth2/auth?${query}`, { redirect: 'manual' })).headers.get('location')!).searchParams.get('code')!
  const tokens = await (await api.fetch('/oauth2/token', { method: 'POST', body: new URLSearchParams({ client_id: CLIENT_ID, code,
    code_verifier: verifier, grant_type: 'authorization_code', redirect_uri: REDIRECT }) })).json()
  const storage = new MemoryStorage()
  setActiveStorage(storage)
  await storage.setItems({ [StorageKeys.accessToken]: tokens.access_token, [StorageKeys.refreshToken]: tokens.refresh_token })

  const refresh = vi.fn(() => refreshToken({ domain: api.baseUrl, clientId: CLIENT_ID }))
  const store = createAccountStore({ ...fromKinde(storage, { refreshOnDrift: true, refresh }), fetch: api.fetch,
    persist: false, crossTab: false, refreshInterval: false })
  const seen: (ClaimsDrift | null)[] = []
  store.$drift.subscribe((d) => seen.push(d))
  await until(() => store.$drift.get() !== null, 'first drift answer')
  expect(store.$drift.get()!.permissions).toEqual({ added: [], removed: [] })

  api.grantPermission('kp_bob', 'reports:export')
  await store.refresh()
  await until(() => refresh.mock.calls.length === 1, 'onDrift refresh')
  await until(() => store.$drift.get()?.permissions.added.length === 0, 'caught up')
  expect(decodePayload(String(await storage.getSessionItem(StorageKeys.accessToken)))!.permissions).toContain('reports:export')
  expect(store.hasPermission('reports:export').get()).toBe(true)
  const added = seen.filter((d) => d && d.permissions.added.length > 0)
  expect(added.map((d) => d!.permissions.added)).toEqual([['reports:export']])
  expect(refresh).toHaveBeenCalledTimes(1)
  store.destroy()
})
