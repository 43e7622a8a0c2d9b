// store.inspect(): what devtools read (derived answers and their sources, disk entries, offline).
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createMemoryEngine } from 'kinde-account-sync'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { advance, flush, makeStore, until, useFakeTime } from './helpers'

beforeEach(useFakeTime)
afterEach(() => { vi.restoreAllMocks(); vi.useRealTimers() })

test('lists the derived values asked so far with where each answer came from, and tells when that changes', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  api.fault('roles', { latency: 1000 }, { times: 1 })
  const store = makeStore({ token: await api.issueToken('kp_alice', { claims: { roles: [{ key: 'pilot' }] } }), fetch: api.fetch,
    persist: false, crossTab: false, resources: ['roles'] })
  const inspection = store.inspect()
  const changed = vi.fn()
  inspection.subscribe(changed)
  const pilot = store.hasRole('pilot')
  const stop = pilot.$value.listen(() => {})
  expect(inspection.derived()).toEqual([{ kind: 'role', key: 'pilot', value: true, from: 'claims' }])
  await until(() => store.roles.get().source === 'network', 'roles')
  await flush()
  expect(inspection.derived()[0]).toMatchObject({ kind: 'role', key: 'pilot', from: 'network' })
  expect(changed).toHaveBeenCalled()
  stop()
})

test("a key with '|' in it is listed whole, and two keys that differ only after a '|' stay two values", async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const store = makeStore({ token: await api.issueToken('kp_alice', { claims: { permissions: ['a|b'] } }), fetch: api.fetch,
    persist: false, crossTab: false, resources: [] })
  const both = store.hasPermission('a|b')
  const first = store.hasPermission('a')
  expect(both).not.toBe(first)
  expect(both.get()).toBe(true)
  expect(first.get()).toBe(false)
  expect(store.flag('x|y', 'off')).not.toBe(store.flag('x', 'off'))
  expect(store.inspect().derived().map((d) => [d.kind, d.key])).toEqual([
    ['permission', 'a|b'], ['permission', 'a'], ['flag', 'x|y'], ['flag', 'x']])
})

test('diskEntries lists keys and sizes of this identity, never values; simulateOffline is this tab\'s', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  const engine = createMemoryEngine()
  const store = makeStore({ token: await api.issueToken('kp_alice'), fetch: api.fetch, persist: { engine }, crossTab: false,
    resources: ['profile'] })
  await until(() => store.profile.get().status === 'ready', 'ready')
  await advance(100)
  const entries = await store.inspect().diskEntries()
  expect(entries).toEqual([expect.objectContaining({ resource: 'profile', bytes: expect.any(Number), updatedAt: expect.any(Number) })])
  expect(entries[0]!.key).toContain('|kp_alice|')
  expect(JSON.stringify(entries)).not.toContain(store.profile.get().data!.email ?? '@')
  store.inspect().simulateOffline(true)
  expect(store.$session.get().online).toBe(false)
  store.inspect().simulateOffline(null)
  expect(store.$session.get().online).toBe(true)
})

test('diskEntries gives bytes as UTF-8 bytes of the JSON, not UTF-16 code units', async () => {
  const api = createMockAccountApi({ now: () => Date.now() })
  api.setProfile('kp_alice', { name: 'Zoë 東京 👩‍💻' })
  const engine = createMemoryEngine()
  const store = makeStore({ token: await api.issueToken('kp_alice'), fetch: api.fetch, persist: { engine }, crossTab: false,
    resources: ['profile'] })
  await until(() => store.profile.get().status === 'ready', 'ready')
  await advance(100)
  const [entry] = await store.inspect().diskEntries()
  const json = JSON.stringify(store.profile.get().data)
  expect(entry!.bytes).toBe(new TextEncoder().encode(json).length)
  expect(entry!.bytes).toBeGreaterThan(json.length)
})
