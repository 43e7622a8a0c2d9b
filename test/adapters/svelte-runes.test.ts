import { afterEach, describe, expect, test, vi } from 'vitest'
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte'
import { flushSync } from 'svelte'
import { atom } from 'nanostores'
import { useAtom, useEntitlement, useFlag, usePermission, useProperty, useRole, useSession } from 'kinde-account-sync/svelte'
import SvelteReadersLonely from './fixtures/SvelteReadersLonely.svelte'
import SvelteReadersParent from './fixtures/SvelteReadersParent.svelte'
import { watchFlag } from './fixtures/readers.svelte'
import { createFakeStore, ready } from './support/fake-store'
import { createRealStore } from './support/real-store'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

const text = (id: string) => screen.getByTestId(id).textContent?.trim()
/** Svelte lets go of a subscription a microtask after its last reader stops. */
const released = () => Promise.resolve()

function mount(flagKey = 'beta') {
  const store = createFakeStore()
  const view = render(SvelteReadersParent, { props: { store, flagKey } })
  return { store, view }
}

describe('svelte 5 { current } readers', () => {
  test('a runes component shows the store values and follows their changes', () => {
    const { store } = mount()
    expect(text('readers-flag')).toBe('beta: off')
    expect(text('readers-theme')).toBe('theme light')
    expect(text('readers-access')).toBe('edit false, admin false, pro false')
    expect(text('readers-session')).toBe('signed-in as kp_alice')
    expect(text('readers-profile')).toBe('idle: nobody')

    store.$flags.set({ beta: true })
    store.$properties.set({ theme: 'dark' })
    store.$permissions.set(['edit'])
    store.$roles.set(['admin'])
    store.$entitlements.set(['pro'])
    store.$session.set({ ...store.$session.get(), status: 'signed-out', userId: null })
    store.profile.$state.set(ready({ name: 'Alice' } as never, { fetching: true }))
    flushSync()

    expect(text('readers-flag')).toBe('beta: on')
    expect(text('readers-theme')).toBe('theme dark')
    expect(text('readers-access')).toBe('edit true, admin true, pro true')
    expect(text('readers-session')).toBe('signed-out as')
    expect(text('readers-profile')).toBe('ready (fetching): Alice')
  })

  test('a getter key follows $state: the reader moves to the new key and lets go of the old one', async () => {
    const { store } = mount()
    store.$permissions.set(['delete'])
    flushSync()
    expect(text('readers-access')).toBe('edit false, admin false, pro false')
    await fireEvent.click(screen.getByText('Ask about delete'))
    expect(text('readers-access')).toBe('delete true, admin false, pro false')
    await released()
    expect(store.hasPermission('edit').$value.lc).toBe(0)
    store.$permissions.set([])
    flushSync()
    expect(text('readers-access')).toBe('delete false, admin false, pro false')
  })

  test('a getter key follows a prop', async () => {
    const { store, view } = mount('beta')
    store.$flags.set({ beta: true, gamma: false })
    await view.rerender({ flagKey: 'gamma' })
    expect(text('readers-flag')).toBe('gamma: off')
    await released()
    expect(store.flag('beta', false).$value.lc).toBe(0)
    store.$flags.set({ beta: true, gamma: true })
    flushSync()
    expect(text('readers-flag')).toBe('gamma: on')
  })

  test('refresh() refreshes the resource', async () => {
    const { store } = mount()
    await fireEvent.click(screen.getByText('Refresh'))
    expect(store.profile.refreshes).toBe(1)
  })

  test('unmounting ends every subscription', async () => {
    const { store, view } = mount()
    const atoms = [store.$session, store.profile.$state, store.flag('beta', false).$value, store.property('theme', 'light').$value,
      store.hasPermission('edit').$value, store.hasRole('admin').$value, store.hasEntitlement('pro').$value]
    for (const $a of atoms) expect($a.lc).toBeGreaterThan(0)
    view.unmount()
    await released()
    for (const $a of atoms) expect($a.lc).toBe(0)
  })

  test('without setAccountStore, a component gets an error that says what to do', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(SvelteReadersLonely)).toThrow('call setAccountStore(store) in a parent component')
  })

  test('in a .svelte.ts module: an effect sees every value, also across a key change, and stops with its root', async () => {
    const store = createFakeStore()
    const seen: boolean[] = []
    const watcher = watchFlag(store, seen)
    flushSync()
    store.$flags.set({ beta: true, gamma: false })
    flushSync()
    watcher.setKey('gamma')
    flushSync()
    store.$flags.set({ beta: false, gamma: true })
    flushSync()
    expect(seen).toEqual([false, true, false, true])
    await released()
    expect(store.flag('beta', false).$value.lc).toBe(0)
    watcher.stop()
    await released()
    expect(store.flag('gamma', false).$value.lc).toBe(0)
    await watcher.profile.refresh()
    expect(store.profile.refreshes).toBe(1)
  })

  test('outside any effect, .current reads the value now and keeps no subscription', () => {
    const store = createFakeStore()
    store.$flags.set({ beta: true })
    store.$properties.set({ seats: 3 })
    store.$roles.set(['admin'])
    store.$entitlements.set(['pro'])
    const beta = useFlag(store, 'beta', false)
    expect(beta.current).toBe(true)
    expect(useProperty(store, 'seats', 0).current).toBe(3)
    expect(usePermission(store, 'edit').current).toBe(false)
    expect(useRole(store, 'admin').current).toBe(true)
    expect(useEntitlement(store, 'pro').current).toBe(true)
    expect(useSession(store).current.userId).toBe('kp_alice')
    store.$flags.set({ beta: false })
    expect(beta.current).toBe(false)
    expect(store.flag('beta', false).$value.lc).toBe(0)
    const $n = atom(5)
    expect(useAtom($n).current).toBe(5)
    expect(useAtom(() => $n).current).toBe(5)
    expect($n.lc).toBe(0)
  })
})

test('with the real store: data arrives and a flag change shows after a refresh', async () => {
  const { store, api } = await createRealStore()
  try {
    render(SvelteReadersParent, { props: { store, flagKey: 'adapters_beta' } })
    await expect.poll(() => text('readers-profile'), { timeout: 10_000 }).toBe('ready: Alice Anders')
    expect(text('readers-flag')).toBe('adapters_beta: on')
    api.setFlag('kp_alice', 'adapters_beta', false)
    await store.refresh()
    flushSync()
    expect(text('readers-flag')).toBe('adapters_beta: off')
  } finally {
    cleanup()
    store.destroy()
  }
}, 20_000)
