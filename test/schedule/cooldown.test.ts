import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createCooldownGate } from '../../src/schedule/cooldown'
import { createIntervalTimer, sleep } from '../../src/schedule/timer'

beforeEach(() => { vi.useFakeTimers({ now: 0 }) })
afterEach(() => { vi.useRealTimers() })

test('waiters are released together when the cool-down ends, with one timer', async () => {
  const changes: Array<number | null> = []
  const gate = createCooldownGate({ onChange: (u) => changes.push(u) })
  await gate.whenOpen() // open: resolves at once
  gate.extend(2000)
  const released = vi.fn()
  for (let i = 0; i < 6; i++) void gate.whenOpen().then(released)
  expect(vi.getTimerCount()).toBe(1)
  await vi.advanceTimersByTimeAsync(1999)
  expect(released).not.toHaveBeenCalled()
  expect(gate.until()).toBe(2000)
  await vi.advanceTimersByTimeAsync(1)
  expect(released).toHaveBeenCalledTimes(6)
  expect(gate.until()).toBeNull()
  expect(changes).toEqual([2000, null])
})

test('extend only lengthens; another tab can push the end further', async () => {
  const gate = createCooldownGate({ onChange: () => {} })
  gate.extend(3000)
  gate.extend(1000)
  expect(gate.until()).toBe(3000)
  const released = vi.fn()
  void gate.whenOpen().then(released)
  await vi.advanceTimersByTimeAsync(2000)
  gate.extend(5000)
  await vi.advanceTimersByTimeAsync(1500)
  expect(released).not.toHaveBeenCalled()
  await vi.advanceTimersByTimeAsync(1500)
  expect(released).toHaveBeenCalled()
})

test('destroy releases waiters and leaves no timer', async () => {
  const gate = createCooldownGate({ onChange: () => {} })
  gate.extend(10_000)
  const released = vi.fn()
  void gate.whenOpen().then(released)
  gate.destroy()
  await Promise.resolve()
  expect(released).toHaveBeenCalled()
  expect(vi.getTimerCount()).toBe(0)
})

test('one interval timer per resource: restarting does not add timers', () => {
  const tick = vi.fn()
  const timer = createIntervalTimer(tick)
  timer.start(1000)
  timer.start(1000)
  expect(vi.getTimerCount()).toBe(1)
  vi.advanceTimersByTime(3000)
  expect(tick).toHaveBeenCalledTimes(3)
  timer.stop()
  expect(timer.running).toBe(false)
  expect(vi.getTimerCount()).toBe(0)
})

test('sleep ends early on abort and never rejects', async () => {
  const ac = new AbortController()
  const done = vi.fn()
  void sleep(10_000, ac.signal).then(done)
  ac.abort()
  await Promise.resolve()
  await Promise.resolve()
  expect(done).toHaveBeenCalled()
  expect(vi.getTimerCount()).toBe(0)
})

describe('waits longer than a timer can hold (ARCHITECTURE.md, rule 15)', () => {
  test('a cool-down, a sleep and an interval past 2^31−1 ms are chained, never overflowed', async () => {
    vi.useFakeTimers({ now: 0 })
    const spy = vi.spyOn(globalThis, 'setTimeout')
    const spyInterval = vi.spyOn(globalThis, 'setInterval')
    const long = 2 ** 31 + 5000
    const gate = createCooldownGate({ onChange: () => {} })
    gate.extend(Date.now() + 20 * 86_400_000) // capped at a day
    let opened = false
    void gate.whenOpen().then(() => { opened = true })
    let slept = false
    void sleep(long).then(() => { slept = true })
    let ticks = 0
    const timer = createIntervalTimer(() => { ticks++ })
    timer.start(long)
    await vi.advanceTimersByTimeAsync(86_400_000 - 10)
    expect(opened).toBe(false)
    await vi.advanceTimersByTimeAsync(20)
    expect(opened).toBe(true)
    await vi.advanceTimersByTimeAsync(long - 86_400_000 - 100)
    expect([slept, ticks]).toEqual([false, 0])
    await vi.advanceTimersByTimeAsync(200)
    expect([slept, ticks]).toEqual([true, 1])
    timer.stop()
    gate.destroy()
    for (const [, ms] of [...spy.mock.calls, ...spyInterval.mock.calls]) expect(ms ?? 0).toBeLessThanOrEqual(2 ** 31 - 1)
    vi.useRealTimers()
  })
})
