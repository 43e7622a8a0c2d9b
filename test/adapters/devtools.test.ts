import { afterEach, describe, expect, test, vi } from 'vitest'
import { atom } from 'nanostores'
import type { AccountApiError } from 'kinde-account-sync'
import { mountDevtools, type Devtools, type DerivedEntry, type DiskEntry, type DriftLike, type InspectionLike } from 'kinde-account-sync/devtools'
import { createFakeStore, ready, type FakeAccountStore } from './support/fake-store'
import { createRealStore } from './support/real-store'

let panel: Devtools | undefined
afterEach(() => {
  panel?.destroy()
  panel = undefined
  vi.useRealTimers()
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

/** Renders are batched to the end of the current step. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
const $ = (id: string) => panel!.element.shadowRoot!.querySelector<HTMLElement>(`[data-testid="${id}"]`)
/** The element's data-* attributes, by their dataset names (empty values included). */
const attrs = (id: string): Record<string, string> => Object.fromEntries([...$(id)!.attributes]
  .filter((a) => a.name.startsWith('data-')).map((a) => [a.name.slice(5).replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), a.value]))
const click = async (id: string) => {
  $(id)!.click()
  await flush()
}

/** A stand-in for store.inspect(), driven by the test. */
function fakeInspection() {
  let derived: DerivedEntry[] = []
  let disk: DiskEntry[] = []
  const listeners = new Set<() => void>()
  const inspection: InspectionLike & { offline: Array<boolean | null>; listeners: Set<() => void> } = {
    derived: () => derived,
    subscribe: (listener) => (listeners.add(listener), () => void listeners.delete(listener)),
    diskEntries: vi.fn(async () => disk),
    simulateOffline: (offline) => void inspection.offline.push(offline),
    offline: [],
    listeners,
  }
  return {
    inspection,
    setDerived(rows: DerivedEntry[]) {
      derived = rows
      for (const l of listeners) l()
    },
    setDisk: (rows: DiskEntry[]) => void (disk = rows),
  }
}

function inspectable(store: FakeAccountStore, fake = fakeInspection(), $drift = atom<DriftLike | null>(null)) {
  Object.assign(store, { inspect: () => fake.inspection, $drift })
  return { store, fake, $drift }
}

describe('devtools panel', () => {
  test('starts as a button; opening shows every resource, live', async () => {
    const store = createFakeStore()
    panel = mountDevtools(store)
    expect($('devtools-panel')).toBeNull()
    await click('devtools-open')
    expect(attrs('devtools-resource-profile')).toMatchObject({ status: 'idle', source: '', fetching: 'false', error: '' })
    for (const name of ['roles', 'permissions', 'featureFlags', 'properties', 'entitlements']) expect($(`devtools-resource-${name}`)).not.toBeNull()

    const error = { kind: 'server', status: 503, message: 'down' } as AccountApiError
    store.profile.$state.set(ready({ name: 'Alice' } as never, { updatedAt: Date.now() - 12_000, fetching: true, error }))
    store.roles.$state.set(ready({ orgCode: 'org_a', roles: [] }, { source: 'cache', stale: true }))
    await flush()
    expect(attrs('devtools-resource-profile')).toMatchObject({ status: 'ready', source: 'network', fetching: 'true', error: 'server' })
    expect($('devtools-resource-profile')!.textContent).toContain('12 s')
    expect($('devtools-resource-profile')!.textContent).toContain('server 503')
    expect(attrs('devtools-resource-roles')).toMatchObject({ source: 'cache', stale: 'true' })
  })

  test('ages and the cool-down count down on their own', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] })
    const store = createFakeStore()
    store.profile.$state.set(ready({ name: 'Alice' } as never, { updatedAt: Date.now() }))
    store.$session.set({ ...store.$session.get(), rateLimitedUntil: Date.now() + 5000 })
    panel = mountDevtools(store, { open: true })
    expect(attrs('devtools-cooldown').seconds).toBe('5')
    await vi.advanceTimersByTimeAsync(2000)
    expect(attrs('devtools-cooldown').seconds).toBe('3')
    expect($('devtools-resource-profile')!.textContent).toContain('2 s')
    await vi.advanceTimersByTimeAsync(3000)
    expect($('devtools-cooldown')).toBeNull()
  })

  test('shows the session: user, org, leader tab, online, persisted', async () => {
    const store = createFakeStore()
    panel = mountDevtools(store, { open: true })
    expect(attrs('devtools-session')).toMatchObject({
      status: 'signed-in', user: 'kp_alice', org: 'org_a', leader: 'true', online: 'true', persisted: 'false',
    })
    store.$session.set({ ...store.$session.get(), leader: false, online: false, persisted: true })
    await flush()
    expect(attrs('devtools-session')).toMatchObject({ leader: 'false', online: 'false', persisted: 'true' })
    expect($('devtools-session')!.textContent).toContain('follower tab')
  })

  test('actions: refresh one, refresh all, clear cache', async () => {
    const store = createFakeStore()
    const refreshAll = vi.spyOn(store, 'refresh')
    const clearCache = vi.spyOn(store, 'clearCache')
    panel = mountDevtools(store, { open: true })
    await click('devtools-refresh-roles')
    expect(store.roles.refreshes).toBe(1)
    expect(store.profile.refreshes).toBe(0)
    await click('devtools-refresh-all')
    expect(refreshAll).toHaveBeenCalledOnce()
    await click('devtools-clear-cache')
    expect(clearCache).toHaveBeenCalledOnce()
  })

  test('derived values asked so far, with where each answer came from, live', async () => {
    const { store, fake } = inspectable(createFakeStore())
    panel = mountDevtools(store, { open: true })
    expect(attrs('devtools-derived').state).toBe('empty')
    fake.setDerived([
      { kind: 'flag', key: 'beta', value: true, from: 'claims' },
      { kind: 'permission', key: 'edit', value: false, from: 'fallback' },
    ])
    await flush()
    expect(attrs('devtools-derived-flag-beta')).toMatchObject({ from: 'claims', value: 'true' })
    expect(attrs('devtools-derived-permission-edit')).toMatchObject({ from: 'fallback', value: 'false' })
    fake.setDerived([{ kind: 'flag', key: 'beta', value: true, from: 'network' }])
    await flush()
    expect(attrs('devtools-derived-flag-beta').from).toBe('network')
    expect($('devtools-derived-permission-edit')).toBeNull()
  })

  test('claims drift: waiting, none, then what differs', async () => {
    const { store, $drift } = inspectable(createFakeStore())
    panel = mountDevtools(store, { open: true })
    expect(attrs('devtools-drift').state).toBe('waiting')
    const empty = { permissions: { added: [], removed: [] }, roles: { added: [], removed: [] }, featureFlags: { changed: [] } }
    $drift.set(empty)
    await flush()
    expect(attrs('devtools-drift').state).toBe('none')
    $drift.set({ ...empty, permissions: { added: ['edit'], removed: ['old'] }, featureFlags: { changed: ['beta'] } })
    await flush()
    expect(attrs('devtools-drift').state).toBe('drift')
    expect($('devtools-drift')!.textContent).toContain('+edit')
    expect($('devtools-drift')!.textContent).toContain('−old')
    expect($('devtools-drift')!.textContent).toContain('changed beta')
  })

  test('disk entries: keys and sizes, read again after clear cache', async () => {
    const { store, fake } = inspectable(createFakeStore())
    fake.setDisk([
      { key: 'v1|iss|kp_alice|org_a|profile', resource: 'profile', bytes: 420, updatedAt: Date.now() },
      { key: 'v1|iss|kp_alice|org_a|roles', resource: 'roles', bytes: 1500, updatedAt: Date.now() - 90_000 },
    ])
    panel = mountDevtools(store, { open: true })
    expect(attrs('devtools-disk').state).toBe('loading')
    await flush()
    expect(attrs('devtools-disk')).toMatchObject({ state: 'ready', bytes: '1920' })
    // the age of each entry: "now" for one just written, never "now ago"
    const cells = (id: string) => [...$(id)!.querySelectorAll('td')].map((td) => td.textContent)
    expect(cells('devtools-disk-profile')).toContain('now')
    expect(cells('devtools-disk-roles')).toContain('1 min ago')
    expect(attrs('devtools-disk-roles').bytes).toBe('1500')
    expect($('devtools-disk')!.textContent).toContain('v1|iss|kp_alice|org_a|profile')
    fake.setDisk([])
    await click('devtools-clear-cache')
    await flush()
    expect(attrs('devtools-disk').state).toBe('empty')
  })

  test('simulate offline for this tab, then restore; destroy restores too', async () => {
    const { store, fake } = inspectable(createFakeStore())
    panel = mountDevtools(store, { open: true })
    await click('devtools-offline')
    expect(fake.inspection.offline).toEqual([true])
    expect(attrs('devtools-offline').simulated).toBe('true')
    await click('devtools-offline')
    expect(fake.inspection.offline).toEqual([true, null])
    await click('devtools-offline')
    panel.destroy()
    expect(fake.inspection.offline).toEqual([true, null, true, null])
  })

  test('without inspect() or $drift, the panel says so and the offline switch is off', async () => {
    const store = createFakeStore()
    panel = mountDevtools(store, { open: true })
    expect(attrs('devtools-derived').state).toBe('unavailable')
    expect(attrs('devtools-disk').state).toBe('unavailable')
    expect(attrs('devtools-drift').state).toBe('unavailable')
    expect($('devtools-offline')!.hasAttribute('disabled')).toBe(true)
    expect($('devtools-derived')!.textContent).toContain('store.inspect()')
  })

  test('closing ends every subscription, and destroy removes the panel', async () => {
    const { store, fake, $drift } = inspectable(createFakeStore())
    panel = mountDevtools(store, { open: true })
    const watched = [store.$session, $drift, ...['profile', 'roles', 'permissions', 'featureFlags', 'properties', 'entitlements']
      .map((n) => store.resource(n as 'profile').$state)]
    for (const $a of watched) expect($a.lc).toBeGreaterThan(0)
    expect(fake.inspection.listeners.size).toBe(1)
    await click('devtools-close')
    for (const $a of watched) expect($a.lc).toBe(0)
    expect(fake.inspection.listeners.size).toBe(0)
    expect($('devtools-open')).not.toBeNull()
    panel.destroy()
    expect(document.querySelector('kinde-account-devtools')).toBeNull()
  })

  test('watches only the resources it is given', async () => {
    const store = createFakeStore()
    panel = mountDevtools(store, { open: true, resources: ['profile'] })
    expect($('devtools-resource-profile')).not.toBeNull()
    expect($('devtools-resource-roles')).toBeNull()
    expect(store.roles.$state.lc).toBe(0)
  })

  test('values are shown as text, never parsed as HTML', async () => {
    const { store, fake } = inspectable(createFakeStore())
    panel = mountDevtools(store, { open: true })
    fake.setDerived([{ kind: 'property', key: '<img src=x onerror=alert(1)>', value: '<b>bold</b>', from: 'network' }])
    await flush()
    expect($('devtools-derived')!.querySelector('img, b')).toBeNull()
    expect($('devtools-derived')!.textContent).toContain('<b>bold</b>')
  })
})

test('with the real store: resources arrive from the network and the session shows the user', async () => {
  const { store } = await createRealStore()
  try {
    panel = mountDevtools(store, { open: true })
    await expect.poll(() => $('devtools-resource-profile')?.getAttribute('data-source'), { timeout: 10_000 }).toBe('network')
    expect(attrs('devtools-session')).toMatchObject({ status: 'signed-in', user: 'kp_alice' })
    const inspectable = typeof (store as { inspect?: unknown }).inspect === 'function'
    expect(attrs('devtools-derived').state).toBe(inspectable ? 'empty' : 'unavailable')
  } finally {
    store.destroy()
  }
}, 20_000)

test('updates in place: a button is the same element after a change, so a click in between is never lost', async () => {
  const store = createFakeStore()
  panel = mountDevtools(store, { open: true })
  const button = $('devtools-refresh-roles')
  store.roles.$state.set(ready({ orgCode: 'org_a', roles: [] }, { fetching: true }))
  await flush()
  expect($('devtools-resource-roles')!.getAttribute('data-fetching')).toBe('true')
  expect($('devtools-refresh-roles')).toBe(button)
  button!.click()
  expect(store.roles.refreshes).toBe(1)
})
