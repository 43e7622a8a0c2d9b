// ARCHITECTURE.md, "Tokens": sign-out and other users, undefined vs null, session managers,
// re-reads in flight, token reads that hang, throw or reject, pushed sources that error.
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { Subject } from 'rxjs'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { advance, countRequests, flush, makeStore, until, useFakeTime } from './helpers'

vi.setConfig({ testTimeout: 30_000 })
beforeEach(useFakeTime)
afterEach(() => { vi.restoreAllMocks(); vi.unstubAllGlobals(); vi.useRealTimers() })

const base = { persist: false as const, crossTab: false, resources: ['profile' as const] }

test('after signOut(), a function source yielding another user signs that user in on the next refresh()', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  let token = await api.issueToken('kp_alice')
  const store = makeStore({ ...base, token: () => token, fetch: api.fetch })
  await until(() => store.profile.get().data?.id === 'kp_alice', 'alice')
  await store.signOut()
  await store.refresh()
  expect(store.$session.get().status).toBe('signed-out') // the signed-out token stays ignored
  token = await api.issueToken('kp_bob')
  await store.refresh()
  await until(() => store.profile.get().data?.id === 'kp_bob', 'bob')
  store.destroy()
})

test('after signOut(), an interval tick reads a function source that now yields another user', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  let token = await api.issueToken('kp_alice')
  const store = makeStore({ ...base, token: () => token, fetch: api.fetch, refreshInterval: 60_000 })
  await until(() => store.profile.get().data?.id === 'kp_alice', 'alice')
  await store.signOut()
  token = await api.issueToken('kp_bob')
  await advance(61_000, 1000)
  await until(() => store.profile.get().data?.id === 'kp_bob', 'bob')
  store.destroy()
})

test('a function source answering undefined keeps the last token; null signs out', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const alice = await api.issueToken('kp_alice')
  let answer: string | null | undefined = alice
  const store = makeStore({ ...base, token: () => answer, fetch: api.fetch })
  await until(() => store.profile.get().status === 'ready', 'alice')
  answer = undefined
  await store.refresh()
  expect(store.$session.get().status).toBe('signed-in')
  expect(store.profile.get().data?.id).toBe('kp_alice')
  answer = null
  await store.refresh()
  expect(store.$session.get().status).toBe('signed-out')
  store.destroy()
})

test('a session manager is a token source: listeners get no argument, the store reads accessToken', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const items = new Map<string, unknown>([['accessToken', await api.issueToken('kp_alice')]])
  const listeners = new Set<() => void>()
  const manager = {
    async getSessionItem(key: string) { return items.get(key) ?? null },
    async setSessionItem(key: string, value: unknown) { items.set(key, value); for (const l of listeners) l() },
    async destroySession() { items.clear(); for (const l of listeners) l() },
    subscribe(listener: () => void) { listeners.add(listener); return () => listeners.delete(listener) },
  }
  const store = makeStore({ ...base, token: manager as never, fetch: api.fetch })
  await until(() => store.profile.get().data?.id === 'kp_alice', 'alice')
  await manager.setSessionItem('refreshToken', 'r') // a notification is never a sign-out
  await flush()
  expect(store.$session.get().status).toBe('signed-in')
  await manager.setSessionItem('accessToken', await api.issueToken('kp_bob'))
  await until(() => store.profile.get().data?.id === 'kp_bob', 'bob')
  await manager.destroySession()
  await until(() => store.$session.get().status === 'signed-out', 'signed out')
  store.destroy()
})

test('refresh() re-reads a function source while a request is in flight', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const alice = await api.issueToken('kp_alice')
  const getter = vi.fn(() => alice)
  const store = makeStore({ ...base, token: getter, fetch: api.fetch })
  await until(() => store.profile.get().status === 'ready', 'alice')
  api.fault('profile', { latency: 5000 }, { times: 1 })
  void store.profile.refresh()
  await advance(100)
  const calls = getter.mock.calls.length
  void store.refresh()
  await flush()
  expect(getter.mock.calls.length).toBeGreaterThan(calls)
  store.destroy()
})

test('a same-user token change while a request is in flight is followed by a request with the new token', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const store = makeStore({ ...base, token: await api.issueToken('kp_alice'), fetch: api.fetch })
  await until(() => store.profile.get().status === 'ready', 'alice')
  api.clearRequests()
  api.fault('profile', { latency: 5000 }, { times: 1 })
  void store.profile.refresh()
  await advance(100)
  store.setToken(await api.issueToken('kp_alice', { expiresIn: 7200 }))
  await advance(6000)
  await until(() => countRequests(api, 'profile') === 2 && !store.profile.get().fetching, 'a second request')
  store.destroy()
})

test('a token function that never settles ends the attempt as a timeout; refresh() settles', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const alice = await api.issueToken('kp_alice')
  let hang = false
  const store = makeStore({ ...base, token: () => (hang ? new Promise<string>(() => {}) : alice), fetch: api.fetch, timeout: 5000 })
  await until(() => store.profile.get().status === 'ready', 'alice')
  hang = true
  let settled = false
  void store.profile.refresh().then(() => { settled = true })
  await advance(6000, 500)
  expect(settled).toBe(true)
  expect(store.profile.get()).toMatchObject({ status: 'ready', fetching: false, error: { kind: 'timeout' } })
  expect(store.profile.get().data?.id).toBe('kp_alice')
  store.destroy()
})

test.each(['throws', 'rejects'])('a token function that %s ends the attempt with an error and keeps the data', async (how) => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const alice = await api.issueToken('kp_alice')
  let fail = false
  const store = makeStore({
    ...base, fetch: api.fetch,
    token: () => {
      if (!fail) return alice
      if (how === 'throws') throw new Error('no session')
      return Promise.reject(new Error('no session'))
    },
  })
  await until(() => store.profile.get().status === 'ready', 'alice')
  api.clearRequests()
  fail = true
  const state = await store.profile.refresh()
  expect(state.error).toBeDefined()
  expect(state).toMatchObject({ status: 'ready', fetching: false })
  expect(state.data?.id).toBe('kp_alice')
  expect(countRequests(api)).toBe(0)
  store.destroy()
})

test('an Observable source that errors keeps the last token and reports the error, never throws it', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const reported: unknown[] = []
  vi.stubGlobal('reportError', (e: unknown) => reported.push(e))
  const subject = new Subject<string | null>()
  const store = makeStore({ ...base, token: subject, fetch: api.fetch })
  subject.next(await api.issueToken('kp_alice'))
  await until(() => store.profile.get().status === 'ready', 'alice')
  const boom = new Error('the source broke')
  subject.error(boom)
  await advance(100)
  expect(reported).toContain(boom)
  expect(store.$session.get().status).toBe('signed-in')
  store.destroy()
})

test('a function source that hands out a new token of the same user on every read: refresh() settles, requests stay bounded', async () => {
  // Kinde's pkce-js does this for a token that lives under its 30 s margin: every read refreshes.
  const api = createMockAccountApi({ now: () => Date.now() })
  const tokens = await Promise.all(Array.from({ length: 200 }, () => api.issueToken('kp_alice', { claims: { n: Math.random() } })))
  let reads = 0
  const store = makeStore({ persist: false, crossTab: false, token: () => tokens[Math.min(reads++, tokens.length - 1)]!, fetch: api.fetch })
  await until(() => store.permissions.get().status === 'ready', 'first answer')
  const before = countRequests(api)
  await store.refresh()
  await flush()
  // one request per resource, plus at most one follow-up each for a token that changed after it left
  expect(countRequests(api) - before).toBeLessThanOrEqual(12)
  expect(store.permissions.get().status).toBe('ready')
  store.destroy()
})
