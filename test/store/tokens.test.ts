// ARCHITECTURE.md, "Tokens": every kind of source, setToken, re-reads, sign-out, expiry.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { atom } from 'nanostores'
import { BehaviorSubject } from 'rxjs'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { advance, allReady, countRequests, flush, makeStore, until, useFakeTime } from './helpers'

beforeEach(useFakeTime)
afterEach(() => { vi.restoreAllMocks(); vi.useRealTimers() })

const base = { persist: false as const, crossTab: false }

describe('token sources', () => {
  test('a sync function is re-read on every trigger', async () => {
    const api = createMockAccountApi({ now: () => Date.now() })
    const alice = await api.issueToken('kp_alice')
    const getter = vi.fn(() => alice)
    const store = makeStore({ ...base, token: getter, fetch: api.fetch, resources: ['roles'], refreshInterval: 60_000 })
    await until(() => store.roles.get().status === 'ready', 'ready')
    const calls = getter.mock.calls.length
    await store.roles.refresh()
    expect(getter.mock.calls.length).toBeGreaterThan(calls)
    const afterRefresh = getter.mock.calls.length
    await advance(60_000, 5000)
    expect(getter.mock.calls.length).toBeGreaterThan(afterRefresh)
    store.destroy()
  })

  test('an async function that yields another user switches identity on the next trigger', async () => {
    const api = createMockAccountApi({ now: () => Date.now() })
    let token = await api.issueToken('kp_alice')
    const store = makeStore({ ...base, token: async () => token, fetch: api.fetch, resources: ['profile'] })
    await until(() => store.profile.get().data?.id === 'kp_alice', 'alice')
    token = await api.issueToken('kp_bob')
    await store.refresh()
    await until(() => store.profile.get().data?.id === 'kp_bob', 'bob')
    store.destroy()
  })

  test('an rxjs Observable and a nanostores atom push tokens', async () => {
    const api = createMockAccountApi({ now: () => Date.now() })
    const subject = new BehaviorSubject<string | null>(null)
    const $token = atom<string | null>(null)
    const a = makeStore({ ...base, token: subject, fetch: api.fetch, resources: ['profile'] })
    const b = makeStore({ ...base, token: $token, fetch: api.fetch, resources: ['profile'] })
    expect(a.$session.get().status).toBe('signed-out')
    subject.next(await api.issueToken('kp_alice'))
    $token.set(await api.issueToken('kp_bob'))
    await until(() => a.profile.get().status === 'ready' && b.profile.get().status === 'ready', 'both')
    expect(a.profile.get().data?.id).toBe('kp_alice')
    expect(b.profile.get().data?.id).toBe('kp_bob')
    subject.next(null)
    expect(a.profile.get().status).toBe('idle')
    a.destroy()
    b.destroy()
    expect(subject.observed).toBe(false) // destroy unsubscribed
  })

  test('setToken beside a pushed source: the latest value wins', async () => {
    const api = createMockAccountApi({ now: () => Date.now() })
    const $token = atom<string | null>(await api.issueToken('kp_alice'))
    const store = makeStore({ ...base, token: $token, fetch: api.fetch, resources: ['profile'] })
    await until(() => store.profile.get().data?.id === 'kp_alice', 'alice')
    store.setToken(await api.issueToken('kp_bob'))
    await until(() => store.profile.get().data?.id === 'kp_bob', 'bob by setToken')
    $token.set(await api.issueToken('kp_carol'))
    await until(() => store.profile.get().data?.id === 'kp_carol', 'carol by the source')
    store.destroy()
  })

  test('a token that is not a JWT works with a domain, but is never persisted', async () => {
    const api = createMockAccountApi({ now: () => Date.now() })
    const jwt = await api.issueToken('kp_alice')
    // an opaque token the mock cannot verify still reaches it: the store must not need claims
    const store = makeStore({ ...base, token: 'opaque-token', domain: api.baseUrl, fetch: api.fetch, resources: ['roles'] })
    await until(() => store.roles.get().fetching === false && store.roles.get().status !== 'loading', 'answered')
    expect(store.$session.get()).toMatchObject({ status: 'signed-in', userId: null, persisted: false })
    expect(countRequests(api, 'roles')).toBe(1)
    expect(jwt).toBeTruthy()
    store.destroy()
  })
})

describe('sign-out and expiry', () => {
  test('after signOut the same token from the source is ignored; another token signs in', async () => {
    const api = createMockAccountApi({ now: () => Date.now() })
    const alice = await api.issueToken('kp_alice')
    let current: string | null = alice
    const store = makeStore({ ...base, token: () => current, fetch: api.fetch, resources: ['profile'] })
    await until(() => store.profile.get().status === 'ready', 'ready')
    await store.signOut({ revoke: false })
    api.clearRequests()
    await store.refresh()
    store.setToken(alice)
    await advance(2000)
    expect(store.$session.get().status).toBe('signed-out')
    expect(countRequests(api)).toBe(0)
    current = await api.issueToken('kp_alice')
    store.setToken(current)
    await until(() => store.profile.get().status === 'ready', 'signed in again')
    store.destroy()
  })

  test('an expired token is never sent: unauthorized at once, onUnauthorized called', async () => {
    const api = createMockAccountApi({ now: () => Date.now() })
    const token = await api.issueToken('kp_alice', { expiresIn: 60 })
    const onUnauthorized = vi.fn()
    const store = makeStore({ ...base, token, fetch: api.fetch, resources: ['roles'], onUnauthorized, refreshInterval: false })
    await until(() => store.roles.get().status === 'ready', 'ready')
    await advance(61_000, 1000)
    api.clearRequests()
    const state = await store.roles.refresh()
    expect(state.error?.kind).toBe('unauthorized')
    expect(state.data).toBeDefined()
    expect(countRequests(api)).toBe(0)
    await flush()
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
    await store.roles.refresh()
    await flush()
    expect(onUnauthorized).toHaveBeenCalledTimes(1) // one call per episode
    store.setToken(await api.issueToken('kp_alice'))
    await until(() => store.roles.get().error === undefined, 'resumed on a new token')
    store.destroy()
  })

  // ARCHITECTURE.md, "Tokens": the read that fails ends that attempt with an error; the token and the data stay
  test('a failing token getter keeps the current token', async () => {
    const api = createMockAccountApi({ now: () => Date.now() })
    const token = await api.issueToken('kp_alice')
    let fail = false
    const store = makeStore({ ...base, token: () => { if (fail) throw new Error('sdk down'); return token }, fetch: api.fetch, resources: ['roles'] })
    await until(() => store.roles.get().status === 'ready', 'ready')
    fail = true
    const state = await store.roles.refresh()
    expect(state).toMatchObject({ status: 'ready', fetching: false, error: { kind: 'unauthorized' } })
    expect(store.$session.get().status).toBe('signed-in')
    store.destroy()
  })
})
