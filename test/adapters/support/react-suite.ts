// The React adapter's behaviour, run once per React major: test/adapters/react.test.ts (the root's
// React 19) and test/adapters/react18/react.test.ts (React 18, through the `react18` vitest project).
// Written with createElement so that the same file runs unchanged under both.
import { afterEach, describe, expect, test, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import {
  Fragment, createElement as h, startTransition, useLayoutEffect, version, type ReactNode,
} from 'react'
import { version as domVersion } from 'react-dom'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { atom } from 'nanostores'
import type { AccountStore } from 'kinde-account-sync'
import {
  AccountProvider, useAccountStore, useAtomValue, useEntitlement, useFlag, usePermission, useProperty, useResource,
  useRole, useSession,
} from 'kinde-account-sync/react'
import { createFakeStore, ready, type FakeAccountStore } from './fake-store'

const text = (id: string) => screen.getByTestId(id).textContent

/** Every hook once, with the context's store. */
function Account({ flagKey }: { flagKey: string }): ReactNode {
  const beta = useFlag(flagKey, false)
  const theme = useProperty('theme', 'light')
  const edit = usePermission('edit')
  const admin = useRole('admin')
  const pro = useEntitlement('pro')
  const session = useSession()
  const profile = useResource('profile')
  return h(Fragment, null,
    h('p', { 'data-testid': 'flag' }, `${flagKey}: ${beta ? 'on' : 'off'}`),
    h('p', { 'data-testid': 'theme' }, `theme ${theme}`),
    h('p', { 'data-testid': 'access' }, `edit ${edit}, admin ${admin}, pro ${pro}`),
    h('p', { 'data-testid': 'session' }, `${session.status} as ${session.userId ?? ''}`),
    h('p', { 'data-testid': 'profile' },
      `${profile.status}${profile.fetching ? ' (fetching)' : ''}: ${profile.data?.name ?? 'nobody'}`),
    h('button', { onClick: () => void profile.refresh() }, 'Refresh'))
}

const app = (store: AccountStore, flagKey = 'beta') => h(AccountProvider, { store }, h(Account, { flagKey }))

function mount(flagKey = 'beta') {
  const store = createFakeStore()
  const view = render(app(store, flagKey))
  return { store, view }
}

/** The atoms every hook of <Account> subscribes to. */
const watched = (store: FakeAccountStore) => [
  store.$session, store.profile.$state, store.flag('beta', false).$value, store.property('theme', 'light').$value,
  store.hasPermission('edit').$value, store.hasRole('admin').$value, store.hasEntitlement('pro').$value,
]

export function reactSuite(major: '18' | '19'): void {
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  describe(`react adapter on React ${major}`, () => {
    test(`runs on React ${major}`, () => {
      expect(version.split('.')[0]).toBe(major)
      expect(domVersion.split('.')[0]).toBe(major)
    })

    test('shows the store values and follows their changes', () => {
      const { store } = mount()
      expect(text('flag')).toBe('beta: off')
      expect(text('theme')).toBe('theme light')
      expect(text('access')).toBe('edit false, admin false, pro false')
      expect(text('session')).toBe('signed-in as kp_alice')
      expect(text('profile')).toBe('idle: nobody')

      act(() => {
        store.$flags.set({ beta: true })
        store.$properties.set({ theme: 'dark' })
        store.$permissions.set(['edit'])
        store.$roles.set(['admin'])
        store.$entitlements.set(['pro'])
        store.$session.set({ ...store.$session.get(), status: 'signed-out', userId: null })
        store.profile.$state.set(ready({ name: 'Alice' } as never, { fetching: true }))
      })
      expect(text('flag')).toBe('beta: on')
      expect(text('theme')).toBe('theme dark')
      expect(text('access')).toBe('edit true, admin true, pro true')
      expect(text('session')).toBe('signed-out as ')
      expect(text('profile')).toBe('ready (fetching): Alice')
    })

    test('renders every value the atom takes, in order, and nothing it did not take', () => {
      const store = createFakeStore()
      const rendered: boolean[] = []
      function Beta(): ReactNode {
        const on = useFlag('beta', false, store)
        rendered.push(on)
        return null
      }
      render(h(Beta))
      act(() => store.$flags.set({ beta: true }))
      act(() => store.$flags.set({ beta: true, other: 1 })) // the flag's value did not change
      act(() => store.$flags.set({ beta: false }))
      expect(rendered).toEqual([false, true, false])
    })

    test('useResource: refresh keeps its identity while the state changes', () => {
      const store = createFakeStore()
      const seen: Array<{ status: string; refresh: () => unknown }> = []
      function Profile(): ReactNode {
        const { status, refresh } = useResource('profile', store)
        seen.push({ status, refresh })
        return null
      }
      render(h(Profile))
      act(() => store.profile.$state.set(ready({ name: 'Alice' } as never)))
      expect(seen.map((s) => s.status)).toEqual(['idle', 'ready'])
      expect(seen[1]!.refresh).toBe(seen[0]!.refresh)
    })

    test('a flag of another type than the fallback shows the fallback', () => {
      const { store } = mount()
      act(() => store.$flags.set({ beta: 'yes' }))
      expect(text('flag')).toBe('beta: off')
    })

    test('refresh() refreshes the resource', () => {
      const { store } = mount()
      fireEvent.click(screen.getByText('Refresh'))
      expect(store.profile.refreshes).toBe(1)
    })

    test('a changed key re-subscribes and lets go of the old one', () => {
      const { store, view } = mount('beta')
      act(() => store.$flags.set({ beta: true, gamma: false }))
      view.rerender(app(store, 'gamma'))
      expect(text('flag')).toBe('gamma: off')
      expect(store.flag('beta', false).$value.lc).toBe(0)
      act(() => store.$flags.set({ beta: true, gamma: true }))
      expect(text('flag')).toBe('gamma: on')
    })

    test('unmounting ends every subscription', () => {
      const { store, view } = mount()
      for (const $a of watched(store)) expect($a.lc).toBeGreaterThan(0)
      view.unmount()
      for (const $a of watched(store)) expect($a.lc).toBe(0)
    })

    test('with the store as the last argument, hooks need no provider', () => {
      const store = createFakeStore()
      store.$flags.set({ beta: true })
      store.$properties.set({ seats: 3 })
      store.roles.$state.set(ready({ orgCode: 'org_a', roles: [] }))
      function Explicit(): ReactNode {
        const s = useAccountStore(store)
        const roles = useResource('roles', store)
        const parts = [useFlag('beta', false, store), useProperty('seats', 0, store), usePermission('edit', store),
          useRole('admin', store), useEntitlement('pro', store), useSession(store).userId, roles.status, s === store]
        return h('p', { 'data-testid': 'explicit' }, parts.join(' '))
      }
      render(h(Explicit))
      expect(text('explicit')).toBe('true 3 false false false kp_alice ready true')
    })

    test('without a provider or a store, a hook says what to do', () => {
      vi.spyOn(console, 'error').mockImplementation(() => {}) // React reports the render error too
      function Lonely(): ReactNode {
        useFlag('beta', false)
        return null
      }
      expect(() => render(h(Lonely))).toThrow('wrap the app in <AccountProvider store={store}>')
    })

    test('useAtomValue follows any atom, e.g. a per-key entitlement resource or store.has()', () => {
      const store = createFakeStore()
      const $n = atom(1)
      function Values({ feature }: { feature: string }): ReactNode {
        const n = useAtomValue($n)
        const state = useAtomValue(store.entitlement(feature).$state)
        return h('p', { 'data-testid': 'values' }, `${n} ${feature} ${state.status}`)
      }
      const view = render(h(Values, { feature: 'seats' }))
      expect(text('values')).toBe('1 seats idle')
      act(() => {
        $n.set(2)
        store.entitlement('api').$state.set(ready({ orgCode: 'org_a', entitlement: { featureKey: 'api' } } as never))
      })
      view.rerender(h(Values, { feature: 'api' }))
      expect(text('values')).toBe('2 api ready')
      expect(store.entitlement('seats').$state.lc).toBe(0)
      view.unmount()
      expect(store.entitlement('api').$state.lc).toBe(0)
      expect($n.lc).toBe(0)
    })

    test('no tearing: a value that changes in the middle of a transition render is committed the same everywhere', async () => {
      const $n = atom(0)
      const committed: string[] = []
      const Reader = ({ id }: { id: string }): ReactNode => h('span', { id }, String(useAtomValue($n)))
      let changed = false
      // Stands for an update from outside React arriving while the transition renders (React yields there).
      const ChangeMidRender = (): ReactNode => {
        if (!changed) {
          changed = true
          $n.set(1)
        }
        return null
      }
      const container = document.body.appendChild(document.createElement('div'))
      // Reads the atom too, so it re-renders with the readers; its layout effect sees each commit.
      function Probe(): ReactNode {
        useAtomValue($n)
        useLayoutEffect(() => {
          committed.push(`${container.querySelector('#a')!.textContent}/${container.querySelector('#b')!.textContent}`)
        })
        return null
      }
      const Page = (): ReactNode =>
        h(Fragment, null, h(Reader, { id: 'a' }), h(ChangeMidRender), h(Reader, { id: 'b' }), h(Probe))
      const root = createRoot(container)
      await act(async () => startTransition(() => root.render(h(Page))))
      expect(changed).toBe(true)
      expect(committed).toEqual(['1/1'])
      await act(async () => startTransition(() => $n.set(2)))
      expect(committed).toEqual(['1/1', '2/2'])
      act(() => root.unmount())
      container.remove()
      expect($n.lc).toBe(0)
    })

    test('renders on the server from the current values and keeps no subscription', () => {
      const store = createFakeStore()
      store.$flags.set({ beta: true })
      store.profile.$state.set(ready({ name: 'Alice' } as never))
      const html = renderToString(app(store))
      expect(html).toContain('beta: on')
      expect(html).toContain('signed-in as kp_alice')
      expect(html).toContain('ready: Alice')
      for (const $a of watched(store)) expect($a.lc).toBe(0)
    })

    test('hydrates the server HTML without a mismatch, then follows changes', async () => {
      const store = createFakeStore()
      store.$flags.set({ beta: true })
      const container = document.body.appendChild(document.createElement('div'))
      container.innerHTML = renderToString(app(store))
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
      const recoverable: unknown[] = []
      let root!: ReturnType<typeof hydrateRoot>
      await act(async () => {
        root = hydrateRoot(container, app(store), { onRecoverableError: (error) => void recoverable.push(error) })
      })
      expect(recoverable).toEqual([])
      expect(errors).not.toHaveBeenCalled()
      expect(container.querySelector('[data-testid="flag"]')!.textContent).toBe('beta: on')
      act(() => store.$flags.set({ beta: false }))
      expect(container.querySelector('[data-testid="flag"]')!.textContent).toBe('beta: off')
      act(() => root.unmount())
      container.remove()
      for (const $a of watched(store)) expect($a.lc).toBe(0)
    })
  })
}
