import { afterEach, expect, test, vi } from 'vitest'
import { createOnlineSignal, createVisibilitySignal } from '../../src/schedule/environment'

afterEach(() => { vi.restoreAllMocks() })

test('visibility follows visibilitychange, listening only while subscribed', () => {
  const signal = createVisibilitySignal()
  const add = vi.spyOn(document, 'addEventListener')
  const seen: boolean[] = []
  expect(add).not.toHaveBeenCalled()
  const stop = signal.subscribe((v) => seen.push(v))
  expect(add).toHaveBeenCalled()
  const state = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
  document.dispatchEvent(new Event('visibilitychange'))
  expect(signal.get()).toBe(false)
  state.mockReturnValue('visible')
  document.dispatchEvent(new Event('visibilitychange'))
  expect(seen).toEqual([false, true])
  stop()
  state.mockReturnValue('hidden')
  document.dispatchEvent(new Event('visibilitychange'))
  expect(seen).toEqual([false, true])
})

test('online follows online/offline events', () => {
  const signal = createOnlineSignal()
  const seen: boolean[] = []
  const stop = signal.subscribe((v) => seen.push(v))
  window.dispatchEvent(new Event('offline'))
  window.dispatchEvent(new Event('offline'))
  window.dispatchEvent(new Event('online'))
  expect(seen).toEqual([false, true])
  stop()
})

test('the listener is swappable (tests, SSR, a host app with its own signal)', () => {
  const signal = createOnlineSignal()
  let push!: (v: boolean) => void
  const cleanup = vi.fn()
  signal.setEventListener((set) => { push = set; return cleanup })
  const seen: boolean[] = []
  const stop = signal.subscribe((v) => seen.push(v))
  push(false)
  expect(signal.get()).toBe(false)
  expect(seen).toEqual([false])
  stop()
  expect(cleanup).toHaveBeenCalled()
})
