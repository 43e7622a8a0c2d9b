import { afterEach, expect, test } from 'vitest'
import type { AccountStore } from 'kinde-account-sync'
import { bind, watch, when } from 'kinde-account-sync/vanilla'
import { createRealStore } from './support/real-store'

let store: AccountStore | undefined
afterEach(() => {
  store?.destroy()
  document.body.innerHTML = ''
})

test('with the real store: when() waits for the data, bind() and watch() follow changes', async () => {
  const real = await createRealStore()
  store = real.store
  const el = document.body.appendChild(document.createElement('p'))
  bind(el, store.flag('adapters_beta', false), (on, node) => (node.textContent = on ? 'on' : 'off'))
  const sessions: string[] = []
  const stop = watch(store.$session, (s) => sessions.push(s.status))

  const profile = await when(store.profile)
  expect(profile.status).toBe('ready')
  expect(profile.data?.name).toBe('Alice Anders')
  expect(await when(store.flag('adapters_beta', false))).toBe(true)
  expect(el.textContent).toBe('on')

  real.api.setFlag('kp_alice', 'adapters_beta', false)
  await store.refresh()
  expect(el.textContent).toBe('off')

  store.setToken(null)
  expect(sessions.at(-1)).toBe('signed-out')
  stop()
})
