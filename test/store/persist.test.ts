// The store with persistence (ARCHITECTURE.md, "Persistence"): when it reads, what it writes, what it deletes.
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createMemoryEngine, type StorageEngine } from 'kinde-account-sync'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { advance, allReady, flush, makeStore, until, useFakeTime } from './helpers'

beforeEach(useFakeTime)
afterEach(() => { vi.restoreAllMocks(); vi.useRealTimers() })

/** A memory engine that says it is durable, with spies, standing in for IndexedDB. */
function diskEngine(): StorageEngine & { inner: StorageEngine } {
  const inner = createMemoryEngine()
  return {
    inner,
    durable: true,
    get: vi.fn((k) => inner.get(k)),
    setMany: vi.fn((e) => inner.setMany(e)),
    delMany: vi.fn((k) => inner.delMany(k)),
    keys: vi.fn(() => inner.keys()),
    entries: vi.fn(() => inner.entries()),
  }
}

test('nothing is read while signed out; hydration starts once the identity is known', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const engine = diskEngine()
  const store = makeStore({ token: null, fetch: api.fetch, persist: { engine }, crossTab: false })
  await advance(1000)
  expect(engine.get).not.toHaveBeenCalled()
  expect(store.$session.get().persisted).toBe(false)
  store.setToken(await api.issueToken('kp_alice'))
  await until(() => allReady(store), 'ready')
  expect(engine.get).toHaveBeenCalledTimes(6)
  expect(store.$session.get().persisted).toBe(true)
  store.destroy()
})

test('writes { data, updatedAt } after network success: never a token, an error or a portal link', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const engine = diskEngine()
  const token = await api.issueToken('kp_alice')
  const store = makeStore({ token, fetch: api.fetch, persist: { engine }, crossTab: false })
  await until(() => allReady(store), 'ready')
  await advance(100)
  api.fault('roles', { status: 500 })
  void store.roles.refresh()
  await advance(20_000, 500) // retries used up: an error now sits beside the data
  expect(store.roles.get().error?.kind).toBe('server')
  const link = await store.getPortalLink()
  await advance(500)
  const entries = await engine.inner.entries()
  expect(entries).toHaveLength(6)
  const text = JSON.stringify(entries)
  expect(text).not.toContain(token)
  expect(text).not.toContain(link)
  expect(text).not.toContain('AccountApiError')
  for (const [, value] of entries) expect(Object.keys(value as object).sort()).toEqual(['data', 'updatedAt'])
  store.destroy()
})

test('a user switch deletes the previous user\'s entries; an org switch of the same user keeps them', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const engine = diskEngine()
  const [org1, org2] = api.orgCodes('kp_alice')
  const store = makeStore({ token: await api.issueToken('kp_alice', { orgCode: org1 }), fetch: api.fetch, persist: { engine }, crossTab: false })
  await until(() => allReady(store), 'alice org1')
  await advance(100)
  store.setToken(await api.issueToken('kp_alice', { orgCode: org2 }))
  await until(() => allReady(store), 'alice org2')
  await advance(100)
  expect((await engine.inner.keys()).filter((k) => k.includes(`|${org1}|`))).toHaveLength(6)
  store.setToken(await api.issueToken('kp_bob'))
  await until(() => allReady(store), 'bob')
  await advance(100)
  const keys = await engine.inner.keys()
  expect(keys.filter((k) => k.includes('kp_alice|') && k.includes(`|${org2}|`))).toEqual([])
  expect(keys.filter((k) => k.includes('|kp_bob|'))).toHaveLength(6)
  store.destroy()
})

test('a switch never shows the previous user\'s persisted data', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const engine = diskEngine()
  const a = makeStore({ token: await api.issueToken('kp_alice'), fetch: api.fetch, persist: { engine }, crossTab: false })
  await until(() => allReady(a), 'alice')
  await advance(100)
  a.destroy()
  api.fault('*', { latency: 2000 })
  const store = makeStore({ token: await api.issueToken('kp_bob'), fetch: api.fetch, persist: { engine }, crossTab: false })
  const seen: Array<string | undefined> = []
  store.profile.$state.subscribe((s) => seen.push(s.data?.id))
  await until(() => store.profile.get().status === 'ready', 'bob')
  expect(seen.filter(Boolean)).toEqual(['kp_bob'])
  store.destroy()
})

test('session.persisted never says true for an engine that has not answered yet (a blocked open gives up after a while)', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  // IndexedDB blocked behind another tab: every call waits, then fails (our open's deadline)
  const late = () => new Promise<never>((_, reject) => setTimeout(() => reject(new Error('IndexedDB unavailable: timeout')), 1000))
  const engine: StorageEngine = { durable: true, get: late, setMany: late, delMany: late, keys: late, entries: late }
  const store = makeStore({ token: await api.issueToken('kp_alice'), fetch: api.fetch, persist: { engine }, crossTab: false })
  const seen: boolean[] = []
  store.$session.subscribe((s) => seen.push(s.persisted))
  await until(() => allReady(store), 'ready')
  await advance(3000)
  expect(store.profile.get().data?.id).toBe('kp_alice') // the store works on, from memory
  expect(seen).not.toContain(true)
  store.destroy()
})

test('session.persisted turns true once the engine has answered', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const engine = diskEngine()
  const store = makeStore({ token: await api.issueToken('kp_alice'), fetch: api.fetch, persist: { engine }, crossTab: false })
  await until(() => allReady(store), 'ready')
  await advance(100)
  expect(store.$session.get().persisted).toBe(true)
  expect(await engine.inner.keys()).toHaveLength(6)
  store.destroy()
})

test('session.persisted is true once this identity\'s entries are read, before any network answer (as in a tab that never writes)', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const engine = diskEngine()
  const token = await api.issueToken('kp_alice')
  const first = makeStore({ token, fetch: api.fetch, persist: { engine }, crossTab: false })
  await until(() => allReady(first), 'ready')
  await advance(100)
  first.destroy()
  api.fault('*', { latency: 60_000 })
  const store = makeStore({ token, fetch: api.fetch, persist: { engine }, crossTab: false })
  await until(() => store.profile.get().source === 'cache', 'shown from disk')
  await flush()
  expect(store.profile.get().fetching).toBe(true) // the network has not answered
  expect(store.$session.get().persisted).toBe(true)
  store.destroy()
})

test('a disk read that answers after destroy() changes nothing: no session emission', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const inner = createMemoryEngine()
  const slow = <T>(value: () => Promise<T>) => new Promise<T>((resolve) => setTimeout(() => resolve(value()), 500))
  const engine: StorageEngine = { ...inner, durable: true, get: (k) => slow(() => inner.get(k)) }
  api.fault('*', { latency: 60_000 })
  const store = makeStore({ token: await api.issueToken('kp_alice'), fetch: api.fetch, persist: { engine }, crossTab: false })
  await advance(100)
  const after: unknown[] = []
  store.$session.listen((s) => after.push(s))
  store.destroy()
  await advance(1000)
  expect(after).toEqual([])
})

test('a token that is not a JWT is never persisted', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const engine = diskEngine()
  const store = makeStore({ token: 'opaque', domain: api.baseUrl, fetch: api.fetch, persist: { engine }, crossTab: false })
  await advance(2000)
  expect(engine.get).not.toHaveBeenCalled()
  expect(engine.setMany).not.toHaveBeenCalled()
  expect(store.$session.get().persisted).toBe(false)
  store.destroy()
})

test('persist: false writes nothing; the memory engine is not "persisted"', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const store = makeStore({ token: await api.issueToken('kp_alice'), fetch: api.fetch, persist: { engine: createMemoryEngine() }, crossTab: false })
  await until(() => allReady(store), 'ready')
  await flush()
  expect(store.$session.get().persisted).toBe(false)
  store.destroy()
})

test('identity switch: ready from the new identity\'s cache, nothing of the old identity', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const engine = diskEngine()
  const bob = makeStore({ token: await api.issueToken('kp_bob'), fetch: api.fetch, persist: { engine }, crossTab: false })
  await until(() => allReady(bob), 'bob cached')
  await advance(100)
  bob.destroy()
  const store = makeStore({ token: await api.issueToken('kp_alice', { orgCode: api.orgCodes('kp_alice')[1] }), fetch: api.fetch, persist: { engine }, crossTab: false })
  await until(() => allReady(store), 'alice')
  api.fault('*', { hang: true })
  store.setToken(await api.issueToken('kp_bob'))
  expect(store.profile.get()).toMatchObject({ status: 'loading', data: undefined })
  await until(() => store.profile.get().source === 'cache', 'bob from cache')
  expect(store.profile.get()).toMatchObject({ status: 'ready', stale: true, fetching: true })
  expect(store.profile.get().data?.id).toBe('kp_bob')
  store.destroy()
})
