import { afterEach, expect, test } from 'vitest'
import { cleanup, render, screen } from '@testing-library/vue'
import { nextTick } from 'vue'
import type { AccountStore } from 'kinde-account-sync'
import { createAccountPlugin } from 'kinde-account-sync/vue'
import VueAccount from './fixtures/VueAccount.vue'
import { createRealStore } from './support/real-store'

let store: AccountStore | undefined
afterEach(() => {
  cleanup()
  store?.destroy()
})

test('with the real store: data arrives, a flag change shows after a refresh, sign-out empties', async () => {
  const real = await createRealStore()
  store = real.store
  render(VueAccount, { props: { flagKey: 'adapters_beta' }, global: { plugins: [createAccountPlugin(store)] } })

  expect(await screen.findByText('ready: Alice Anders')).toBeTruthy()
  expect(screen.getByTestId('flag').textContent).toBe('adapters_beta: on')
  expect(screen.getByTestId('session').textContent).toBe('signed-in as kp_alice')

  real.api.setFlag('kp_alice', 'adapters_beta', false)
  await store.refresh()
  await nextTick()
  expect(screen.getByTestId('flag').textContent).toBe('adapters_beta: off')

  store.setToken(null)
  await nextTick()
  expect(screen.getByTestId('profile').textContent).toBe('idle: nobody')
  expect(screen.getByTestId('session').textContent).toBe('signed-out as ')
})
