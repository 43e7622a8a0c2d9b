import { afterEach, describe, expect, test } from 'vitest'
import { atom } from 'nanostores'
import { bind, watch, when } from 'kinde-account-sync/vanilla'
import { createFakeStore, ready } from './support/fake-store'

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

afterEach(() => {
  document.body.innerHTML = ''
})

describe('watch', () => {
  test('calls back at once and on every change until unsubscribed', () => {
    const store = createFakeStore()
    const seen: boolean[] = []
    const stop = watch(store.flag('beta', false), (on) => seen.push(on))
    store.$flags.set({ beta: true })
    stop()
    store.$flags.set({ beta: false })
    expect(seen).toEqual([false, true])
    expect(store.flag('beta', false).$value.lc).toBe(0)
  })

  test('a Resource gives its state, an atom its value', () => {
    const store = createFakeStore()
    const states: string[] = []
    watch(store.profile, (state) => states.push(state.status))()
    const $n = atom(1)
    const numbers: number[] = []
    watch($n, (n) => numbers.push(n))
    $n.set(2)
    expect(states).toEqual(['idle'])
    expect(numbers).toEqual([1, 2])
  })
})

describe('when', () => {
  test('a Resource resolves once ready, with the state', async () => {
    const store = createFakeStore()
    store.profile.$state.set({ ...store.profile.get(), status: 'loading', fetching: true })
    const answer = when(store.profile)
    store.profile.$state.set(ready({ name: 'Alice' } as never))
    expect((await answer).data).toEqual({ name: 'Alice' })
    expect(store.profile.$state.lc).toBe(0)
  })

  test('a Resource whose first fetch failed resolves with the error state', async () => {
    const store = createFakeStore()
    const answer = when(store.roles)
    store.roles.$state.set({ ...store.roles.get(), status: 'error' })
    expect((await answer).status).toBe('error')
  })

  test('a Derived without a predicate resolves when it has settled', async () => {
    const store = createFakeStore()
    let result: boolean | undefined
    void when(store.hasPermission('edit')).then((v) => (result = v))
    store.$permissions.set(['edit'])
    await tick()
    expect(result).toBeUndefined()
    store.settle()
    await tick()
    expect(result).toBe(true)
  })

  test('a predicate that already holds resolves with the current value and unsubscribes', async () => {
    const store = createFakeStore()
    expect(await when(store.flag('beta', false), (on) => on === false)).toBe(false)
    expect(store.flag('beta', false).$value.lc).toBe(0)
  })

  test('waits for the predicate', async () => {
    const store = createFakeStore()
    const answer = when(store.flag('plan', 'free'), (plan) => plan !== 'free')
    store.$flags.set({ plan: 'pro' })
    expect(await answer).toBe('pro')
  })

  test('rejects, and unsubscribes, when the predicate throws', async () => {
    const store = createFakeStore()
    const answer = when(store.flag('beta', false), (on) => {
      if (on) throw new Error('boom')
      return false
    })
    store.$flags.set({ beta: true })
    await expect(answer).rejects.toThrow('boom')
    expect(store.flag('beta', false).$value.lc).toBe(0)
  })
})

describe('bind', () => {
  test('renders now and on each change, and stops once the element leaves the document', async () => {
    const store = createFakeStore()
    const el = document.body.appendChild(document.createElement('p'))
    bind(el, store.flag('beta', false), (on, node) => (node.textContent = on ? 'on' : 'off'))
    expect(el.textContent).toBe('off')
    store.$flags.set({ beta: true })
    expect(el.textContent).toBe('on')

    el.remove()
    await tick()
    expect(store.flag('beta', false).$value.lc).toBe(0)
    store.$flags.set({ beta: false })
    expect(el.textContent).toBe('on')
  })

  test('an element bound before it is added renders, and stays bound while attached', async () => {
    const store = createFakeStore()
    const el = document.createElement('p')
    bind(el, store.$session, (s, node) => (node.textContent = s.status))
    expect(el.textContent).toBe('signed-in')
    document.body.appendChild(el)
    await tick()
    store.$session.set({ ...store.$session.get(), status: 'signed-out' })
    expect(el.textContent).toBe('signed-out')
    el.remove()
    await tick()
    expect(store.$session.lc).toBe(0)
  })

  test('an element moved within the document stays bound', async () => {
    const store = createFakeStore()
    const a = document.body.appendChild(document.createElement('div'))
    const b = document.body.appendChild(document.createElement('div'))
    const el = a.appendChild(document.createElement('p'))
    bind(el, store.flag('beta', false), (on, node) => (node.textContent = String(on)))
    b.appendChild(el)
    await tick()
    store.$flags.set({ beta: true })
    expect(el.textContent).toBe('true')
  })

  test('the returned function stops early', () => {
    const store = createFakeStore()
    const el = document.body.appendChild(document.createElement('p'))
    const stop = bind(el, store.flag('beta', false), (on, node) => (node.textContent = String(on)))
    stop()
    store.$flags.set({ beta: true })
    expect(el.textContent).toBe('false')
    expect(store.flag('beta', false).$value.lc).toBe(0)
  })
})
