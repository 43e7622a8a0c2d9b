import { afterEach, expect, test } from 'vitest'
import { cleanup, render, screen } from '@testing-library/svelte'
import { flushSync } from 'svelte'
import type { AccountStore } from 'kinde-account-sync'
import SvelteParent from './fixtures/SvelteParent.svelte'
import { createRealStore } from './support/real-store'

let store: AccountStore | undefined
afterEach(() => {
  cleanup()
  store?.destroy()
})

test('with the real store: data arrives, a flag change shows after a refresh, sign-out empties', async () => {
  const real = await createRealStore()
  store = real.store
  render(SvelteParent, { props: { store, flagKey: 'adapters_beta' } })

  expect(await screen.findByText('ready: Alice Anders')).toBeTruthy()
  expect(screen.getByTestId('legacy-flag').textContent).toBe('adapters_beta: on')
  expect(screen.getByTestId('runes-flag').textContent).toBe('adapters_beta: on')

  real.api.setFlag('kp_alice', 'adapters_beta', false)
  await store.refresh()
  flushSync()
  expect(screen.getByTestId('legacy-flag').textContent).toBe('adapters_beta: off')
  expect(screen.getByTestId('runes-flag').textContent).toBe('adapters_beta: off')

  store.setToken(null)
  flushSync()
  expect(screen.getByTestId('legacy-profile').textContent).toBe('idle: nobody')
  expect(screen.getByTestId('legacy-session').textContent).toBe('signed-out as ')
})
