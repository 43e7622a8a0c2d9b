import { afterEach, describe, expect, test, vi } from 'vitest'
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte'
import { flushSync } from 'svelte'
import { get } from 'svelte/store'
import { entitlement, flag, permission, property, resource, role, session } from 'kinde-account-sync/svelte'
import SvelteLonely from './fixtures/SvelteLonely.svelte'
import SvelteParent from './fixtures/SvelteParent.svelte'
import { createFakeStore, ready } from './support/fake-store'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

const text = (id: string) => screen.getByTestId(id).textContent

function mount(flagKey = 'beta') {
  const store = createFakeStore()
  const view = render(SvelteParent, { props: { store, flagKey } })
  return { store, view }
}

describe('svelte adapter', () => {
  test('components in Svelte 4 and Svelte 5 syntax show the store values and follow changes', () => {
    const { store } = mount()
    expect(text('legacy-flag')).toBe('beta: off')
    expect(text('legacy-theme')).toBe('theme light')
    expect(text('legacy-access')).toBe('edit false, admin false, pro false')
    expect(text('legacy-session')).toBe('signed-in as kp_alice')
    expect(text('legacy-profile')).toBe('idle: nobody')
    expect(text('runes-flag')).toBe('beta: off')
    expect(text('runes-profile')).toBe('idle')

    store.$flags.set({ beta: true })
    store.$properties.set({ theme: 'dark' })
    store.$permissions.set(['edit'])
    store.$roles.set(['admin'])
    store.$entitlements.set(['pro'])
    store.$session.set({ ...store.$session.get(), status: 'signed-out', userId: null })
    store.profile.$state.set(ready({ name: 'Alice' } as never, { fetching: true }))
    flushSync()

    expect(text('legacy-flag')).toBe('beta: on')
    expect(text('legacy-theme')).toBe('theme dark')
    expect(text('legacy-access')).toBe('edit true, admin true, pro true')
    expect(text('legacy-session')).toBe('signed-out as ')
    expect(text('legacy-profile')).toBe('ready: Alice')
    expect(text('runes-flag')).toBe('beta: on')
    expect(text('runes-profile')).toBe('ready (fetching)')
  })

  test('a changed key re-subscribes, in both syntaxes', async () => {
    const { store, view } = mount('beta')
    store.$flags.set({ beta: true, gamma: false })
    await view.rerender({ flagKey: 'gamma' })
    expect(text('legacy-flag')).toBe('gamma: off')
    expect(text('runes-flag')).toBe('gamma: off')
    expect(store.flag('beta', false).$value.lc).toBe(0)

    store.$flags.set({ beta: true, gamma: true })
    flushSync()
    expect(text('legacy-flag')).toBe('gamma: on')
    expect(text('runes-flag')).toBe('gamma: on')
  })

  test('refresh() on a resource store refreshes the resource', async () => {
    const { store } = mount()
    await fireEvent.click(screen.getByText('Refresh'))
    expect(store.profile.refreshes).toBe(1)
  })

  test('unmounting ends every subscription', () => {
    const { store, view } = mount()
    expect(store.$session.lc).toBeGreaterThan(0)
    view.unmount()
    expect(store.$session.lc).toBe(0)
    expect(store.profile.$state.lc).toBe(0)
    for (const d of [store.flag('beta', false), store.property('theme', 'light'), store.hasPermission('edit'),
      store.hasRole('admin'), store.hasEntitlement('pro')]) expect(d.$value.lc).toBe(0)
  })

  test('without setAccountStore, a component gets an error that says what to do', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(SvelteLonely)).toThrow('call setAccountStore(store) in a parent component')
  })

  test('outside components, every readable takes the store first', () => {
    const store = createFakeStore()
    store.$flags.set({ beta: true })
    store.$properties.set({ seats: 3 })
    store.$permissions.set(['edit'])
    store.$entitlements.set(['pro'])
    store.roles.$state.set(ready({ orgCode: 'org_a', roles: [] }))
    expect(get(flag(store, 'beta', false))).toBe(true)
    expect(get(property(store, 'seats', 0))).toBe(3)
    expect(get(permission(store, 'edit'))).toBe(true)
    expect(get(role(store, 'admin'))).toBe(false)
    expect(get(entitlement(store, 'pro'))).toBe(true)
    expect(get(session(store)).userId).toBe('kp_alice')
    expect(get(resource(store, 'roles')).status).toBe('ready')

    const seen: boolean[] = []
    const stop = flag(store, 'beta', false).subscribe((v) => seen.push(v))
    store.$flags.set({ beta: false })
    stop()
    store.$flags.set({ beta: true })
    expect(seen).toEqual([true, false])
  })
})
