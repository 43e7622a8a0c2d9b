import { afterEach, describe, expect, test, vi } from 'vitest'
import { cleanup, fireEvent, render, screen } from '@testing-library/vue'
import { createSSRApp, defineComponent, effectScope, h, nextTick, ref } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { createAccountPlugin, useAccountStore, useAtom, useFlag, useResource } from 'kinde-account-sync/vue'
import VueAccount from './fixtures/VueAccount.vue'
import { createFakeStore, ready } from './support/fake-store'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

const profile = (name: string) => ({ name }) as never

function mount(flagKey = 'beta') {
  const store = createFakeStore()
  const view = render(VueAccount, { props: { flagKey }, global: { plugins: [createAccountPlugin(store)] } })
  return { store, view }
}

describe('vue adapter', () => {
  test('shows the store values and follows their changes', async () => {
    const { store } = mount()
    expect(screen.getByTestId('flag').textContent).toBe('beta: off')
    expect(screen.getByTestId('theme').textContent).toBe('theme light')
    expect(screen.getByTestId('access').textContent).toBe('edit false, admin false, pro false')
    expect(screen.getByTestId('session').textContent).toBe('signed-in as kp_alice')
    expect(screen.getByTestId('profile').textContent).toBe('idle: nobody')

    store.$flags.set({ beta: true })
    store.$properties.set({ theme: 'dark' })
    store.$permissions.set(['edit'])
    store.$roles.set(['admin'])
    store.$entitlements.set(['pro'])
    store.$session.set({ ...store.$session.get(), status: 'signed-out', userId: null })
    store.profile.$state.set(ready(profile('Alice'), { fetching: true }))
    await nextTick()

    expect(screen.getByTestId('flag').textContent).toBe('beta: on')
    expect(screen.getByTestId('theme').textContent).toBe('theme dark')
    expect(screen.getByTestId('access').textContent).toBe('edit true, admin true, pro true')
    expect(screen.getByTestId('session').textContent).toBe('signed-out as ')
    expect(screen.getByTestId('profile').textContent).toBe('ready (fetching): Alice')
  })

  test('a flag of another type than the fallback shows the fallback', async () => {
    const { store } = mount()
    store.$flags.set({ beta: 'yes' })
    await nextTick()
    expect(screen.getByTestId('flag').textContent).toBe('beta: off')
  })

  test('refresh() refreshes the resource', async () => {
    const { store } = mount()
    await fireEvent.click(screen.getByText('Refresh'))
    expect(store.profile.refreshes).toBe(1)
  })

  test('a key given as a prop getter re-subscribes when the prop changes', async () => {
    const { store, view } = mount('beta')
    store.$flags.set({ beta: true, gamma: false })
    await view.rerender({ flagKey: 'gamma' })
    expect(screen.getByTestId('flag').textContent).toBe('gamma: off')
    expect(store.flag('beta', false).$value.lc).toBe(0)

    store.$flags.set({ beta: true, gamma: true })
    await nextTick()
    expect(screen.getByTestId('flag').textContent).toBe('gamma: on')
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

  test('a resource name given as a ref follows the ref, and refresh() targets the current one', async () => {
    const store = createFakeStore()
    store.roles.$state.set(ready({ orgCode: 'org_a', roles: [] }))
    const name = ref<'profile' | 'roles'>('profile')
    const scope = effectScope()
    const result = scope.run(() => useResource(name, store))!
    expect(result.status.value).toBe('idle')
    name.value = 'roles'
    expect(result.status.value).toBe('ready')
    expect(result.data.value).toEqual({ orgCode: 'org_a', roles: [] })
    await result.refresh()
    expect(store.roles.refreshes).toBe(1)
    expect(store.profile.$state.lc).toBe(0)
    scope.stop()
    expect(store.roles.$state.lc).toBe(0)
  })

  test('with an explicit store, hooks work in any effect scope and stop with it', () => {
    const store = createFakeStore()
    const scope = effectScope()
    const beta = scope.run(() => useFlag('beta', false, store))!
    store.$flags.set({ beta: true })
    expect(beta.value).toBe(true)
    scope.stop()
    expect(store.flag('beta', false).$value.lc).toBe(0)
  })

  test('useAtom follows any atom picked by a getter, e.g. a per-key entitlement resource', () => {
    const store = createFakeStore()
    const feature = ref('seats')
    store.entitlement('api').$state.set(ready({ orgCode: 'org_a', entitlement: { featureKey: 'api' } } as never))
    const scope = effectScope()
    const state = scope.run(() => useAtom(() => store.entitlement(feature.value).$state))!
    expect(state.value.status).toBe('idle')
    feature.value = 'api'
    expect(state.value.status).toBe('ready')
    expect(store.entitlement('seats').$state.lc).toBe(0)
    scope.stop()
    expect(store.entitlement('api').$state.lc).toBe(0)
  })

  test('without the plugin, useAccountStore says how to provide the store', () => {
    expect(() => useAccountStore()).toThrow('call app.use(createAccountPlugin(store))')
    vi.spyOn(console, 'warn').mockImplementation(() => {}) // Vue also warns about the failed setup
    const Lonely = defineComponent({ setup: () => (useFlag('beta', false), () => h('p')) })
    expect(() => render(Lonely)).toThrow('call app.use(createAccountPlugin(store))')
  })

  test('renders on the server and keeps no subscription afterwards', async () => {
    const store = createFakeStore()
    store.$flags.set({ beta: true })
    const app = createSSRApp(VueAccount, { flagKey: 'beta' }).use(createAccountPlugin(store))
    const html = await renderToString(app)
    expect(html).toContain('beta: on')
    expect(html).toContain('signed-in as kp_alice')
    expect(store.flag('beta', false).$value.lc).toBe(0)
    expect(store.$session.lc).toBe(0)
  })
})
