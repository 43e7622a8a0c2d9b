import { expect, test, vi } from 'vitest'
import { atom } from 'nanostores'
import { Subject } from 'rxjs'
import { createTokenStream } from '../../src/token/source'

test('a string or null is the first value; empty strings count as no token', () => {
  const seen: Array<string | null> = []
  const a = createTokenStream('t1', (t) => seen.push(t))
  expect(a.current()).toBe('t1')
  const b = createTokenStream('', (t) => seen.push(t))
  expect(b.current()).toBeNull()
})

test('a function is read on every read(); an older slow answer never beats a newer one', async () => {
  let n = 0
  const resolvers: Array<(t: string) => void> = []
  const stream = createTokenStream(() => new Promise<string>((r) => { n++; resolvers.push(r) }), () => {})
  const first = stream.read()
  const second = stream.read()
  resolvers[1]!('new')
  await second
  resolvers[0]!('old')
  await first
  expect(n).toBe(2)
  expect(stream.current()).toBe('new')
})

test('setToken sticks until the source yields something new (the latest value wins)', async () => {
  const $t = atom<string | null>('a')
  const stream = createTokenStream($t, () => {})
  stream.set('b')
  $t.set('a') // no change from the source's point of view
  expect(stream.current()).toBe('b')
  $t.set('c')
  expect(stream.current()).toBe('c')
  stream.set(null)
  expect(stream.current()).toBeNull()
})

test('subscribe returning a function or an { unsubscribe } object is closed on close()', () => {
  const subject = new Subject<string>()
  const s1 = createTokenStream(subject, () => {})
  subject.next('x')
  expect(s1.current()).toBe('x')
  s1.close()
  expect(subject.observed).toBe(false)
  const off = vi.fn()
  const s2 = createTokenStream({ subscribe: (fn) => { fn('y'); return off } }, () => {})
  expect(s2.current()).toBe('y')
  s2.close()
  s2.close()
  expect(off).toHaveBeenCalledTimes(1)
})

test('a throwing function keeps the current token and never rejects', async () => {
  const stream = createTokenStream(() => { throw new Error('no') }, () => {})
  stream.set('kept')
  // the failure is handed to the caller (the store ends that attempt with it), never thrown
  await expect(stream.read()).resolves.toEqual({ failed: expect.any(Error) })
  expect(stream.current()).toBe('kept')
})

test('a getter with a subscribe method is read again each time it notifies, and unsubscribed on close()', async () => {
  let answer: string | null | undefined = 'a'
  let notify = () => {}
  const off = vi.fn()
  const getter = Object.assign(() => answer, { subscribe: (listener: () => void) => { notify = listener; return off } })
  const seen: Array<string | null> = []
  const stream = createTokenStream(getter, (t) => seen.push(t))
  await stream.read()
  answer = 'b'
  notify()
  await Promise.resolve()
  expect(seen).toEqual(['a', 'b'])
  answer = undefined // not known now: the last token stays
  notify()
  await Promise.resolve()
  expect(stream.current()).toBe('b')
  answer = null
  notify()
  await Promise.resolve()
  expect(seen).toEqual(['a', 'b', null])
  stream.close()
  expect(off).toHaveBeenCalledTimes(1)
})
