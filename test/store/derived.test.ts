// Derived values: precedence (fresh data → claims → persisted → fallback), types, memo, notifications.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createMemoryEngine } from 'kinde-account-sync'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { advance, allReady, makeStore, setup, until, useFakeTime } from './helpers'

beforeEach(useFakeTime)
afterEach(() => { vi.restoreAllMocks(); vi.useRealTimers() })

const base = { persist: false as const, crossTab: false }

describe('precedence', () => {
  test('token claims answer before the network, then the API wins over lagging claims', async () => {
    const api = createMockAccountApi({ now: () => Date.now() })
    const token = await api.issueToken('kp_alice') // claims say dark_mode: true, read:reports granted
    api.setFlag('kp_alice', 'dark_mode', false)
    api.revokePermission('kp_alice', 'read:reports')
    const store = makeStore({ ...base, token, fetch: api.fetch })
    const dark = store.flag('dark_mode', false)
    const reports = store.hasPermission('read:reports')
    expect(dark.get()).toBe(true)
    expect(reports.get()).toBe(true)
    expect(await dark.settled()).toBe(false)
    expect(await reports.settled()).toBe(false)
    store.destroy()
  })

  test('claims come before persisted data; persisted data before the fallback', async () => {
    const api = createMockAccountApi({ now: () => Date.now() })
    const engine = createMemoryEngine()
    const first = makeStore({ token: await api.issueToken('kp_alice'), fetch: api.fetch, persist: { engine }, crossTab: false })
    await until(() => allReady(first), 'first')
    await advance(100)
    first.destroy()
    api.fault('*', { hang: true })
    api.grantPermission('kp_alice', 'brand:new') // in the next token's claims, not in the cache
    const second = makeStore({ token: await api.issueToken('kp_alice'), fetch: api.fetch, persist: { engine }, crossTab: false })
    await until(() => second.properties.get().source === 'cache', 'hydrated')
    expect(second.hasPermission('brand:new').get()).toBe(true) // claim
    expect(second.property('team_size', 0).get()).toBe(42) // no claim for properties: persisted
    expect(second.hasEntitlement('seats').get()).toBe(true) // persisted
    expect(second.property('nope', 'x').get()).toBe('x') // fallback
    second.destroy()
  })

  test('signed out: every derived value answers its fallback', async () => {
    const { store } = await setup({ token: null })
    expect(store.flag('theme', 'plain').get()).toBe('plain')
    expect(store.hasRole('owner').get()).toBe(false)
    expect(await store.has({ roles: ['owner'] }).settled()).toBe(false)
    store.destroy()
  })
})

describe('values', () => {
  test('flags and properties of another type than the fallback answer the fallback', async () => {
    const { store } = await setup()
    await until(() => allReady(store), 'ready')
    expect(store.flag('theme', 'plain').get()).toBe('ocean')
    expect(store.flag('theme', false).get()).toBe(false)
    expect(store.flag('max_projects', 0).get()).toBe(25)
    expect(store.flag('max_projects', 'x').get()).toBe('x')
    expect(store.flag('dashboard_layout', {}).get()).toEqual({ columns: 3, widgets: ['usage', 'billing', 'team'] })
    expect(store.property('team_size', 0).get()).toBe(42)
    expect(store.property('team_size', '').get()).toBe('')
    expect(store.property('beta_tester', false).get()).toBe(true)
    store.destroy()
  })

  test('has() needs every part: permissions, roles, flags (on or by value) and billing by key or price name', async () => {
    const { store } = await setup()
    await until(() => allReady(store), 'ready')
    expect(store.has({ permissions: ['read:reports'], roles: ['owner'], featureFlags: ['dark_mode', { flag: 'theme', value: 'ocean' }], billingEntitlements: ['seats', 'Pro SSO'] }).get()).toBe(true)
    expect(store.has({ featureFlags: ['new_dashboard'] }).get()).toBe(false) // boolean false
    expect(store.has({ featureFlags: ['theme'] }).get()).toBe(true) // non-boolean flag that exists
    expect(store.has({ featureFlags: [{ flag: 'theme', value: 'forest' }] }).get()).toBe(false)
    expect(store.has({ permissions: ['read:reports'], roles: ['nobody'] }).get()).toBe(false)
    expect(store.has({}).get()).toBe(true)
    store.destroy()
  })

  test('memoised per key and notifying only on change', async () => {
    const { api, store } = await setup({ refreshInterval: 60_000 })
    expect(store.hasRole('owner')).toBe(store.hasRole('owner'))
    expect(store.flag('theme', 'x')).toBe(store.flag('theme', 'x'))
    expect(store.has({ roles: ['owner'] })).toBe(store.has({ roles: ['owner'] }))
    await until(() => allReady(store), 'ready')
    const values: string[] = []
    const sub = store.flag('theme', 'x').value$.subscribe((v) => values.push(v))
    await advance(130_000, 5000) // two polls with the same data
    api.setFlag('kp_alice', 'theme', 'forest')
    await store.featureFlags.refresh()
    expect(values).toEqual(['ocean', 'forest'])
    sub.unsubscribe()
    store.destroy()
  })

  test('settled() answers with what is known when the first attempt fails', async () => {
    const api = createMockAccountApi({ now: () => Date.now() })
    api.fault('featureFlags', { status: 400 })
    const store = makeStore({ ...base, token: await api.issueToken('kp_alice'), fetch: api.fetch })
    expect(await store.flag('theme', 'x').settled()).toBe('ocean') // from the token's claims
    expect(store.featureFlags.get().status).toBe('error')
    store.destroy()
  })
})
