// ARCHITECTURE.md, "Persistence": signOut() and a user switch leave nothing of the signed-out user on disk, in any org.
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createMemoryEngine } from 'kinde-account-sync'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { advance, allReady, makeStore, until, useFakeTime } from './helpers'

beforeEach(useFakeTime)
afterEach(() => { vi.restoreAllMocks(); vi.useRealTimers() })

async function aliceInTwoOrgs() {
  const api = createMockAccountApi({ now: () => Date.now() })
  const engine = createMemoryEngine()
  const [org1, org2] = api.orgCodes('kp_alice')
  const store = makeStore({ token: await api.issueToken('kp_alice', { orgCode: org1 }), fetch: api.fetch, persist: { engine }, crossTab: false })
  await until(() => allReady(store), 'alice org1')
  await advance(100)
  store.setToken(await api.issueToken('kp_alice', { orgCode: org2 }))
  await until(() => allReady(store), 'alice org2')
  await advance(100)
  expect((await engine.keys()).filter((k) => k.includes('|kp_alice|')).length).toBe(12)
  return { api, engine, store }
}

test('signOut deletes the user\'s entries of every org', async () => {
  const { engine, store } = await aliceInTwoOrgs()
  await store.signOut()
  await advance(100)
  expect((await engine.keys()).filter((k) => k.includes('|kp_alice|'))).toEqual([])
  store.destroy()
})

test('a user switch deletes the previous user\'s entries of every org', async () => {
  const { api, engine, store } = await aliceInTwoOrgs()
  store.setToken(await api.issueToken('kp_bob'))
  await until(() => allReady(store), 'bob')
  await advance(100)
  const keys = await engine.keys()
  expect(keys.filter((k) => k.includes('|kp_alice|'))).toEqual([])
  expect(keys.filter((k) => k.includes('|kp_bob|'))).toHaveLength(6)
  store.destroy()
})

test('a token source that yields null (the SDK logged out) deletes the user\'s entries; undefined (not known now) keeps them', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const engine = createMemoryEngine()
  const alice = await api.issueToken('kp_alice')
  let answer: string | null | undefined = alice
  const store = makeStore({ token: () => answer, fetch: api.fetch, persist: { engine }, crossTab: false })
  await until(() => allReady(store), 'alice')
  await advance(100)
  const ofAlice = async () => (await engine.keys()).filter((k) => k.includes('|kp_alice|')).length
  expect(await ofAlice()).toBe(6)
  answer = undefined
  await store.refresh()
  await advance(100)
  expect(store.$session.get().status).toBe('signed-in')
  expect(await ofAlice()).toBe(6)
  answer = null
  await store.refresh()
  await advance(100)
  expect(store.$session.get().status).toBe('signed-out')
  expect(await ofAlice()).toBe(0)
  store.destroy()
})
