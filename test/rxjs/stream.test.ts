// The core's `state$`, `value$` and `session$`: interop observables without rxjs (ARCHITECTURE.md,
// "Adapters"): rxjs 7's from(), Angular's consumers and TC39-style code take them as they are.
import { build } from 'esbuild'
import { atom } from 'nanostores'
import { from, map, take } from 'rxjs'
import { afterEach, describe, expect, test, vi } from 'vitest'
import type { ResourceState, PermissionsData, Stream } from 'kinde-account-sync'
import { toObservable, toStream } from '../../src/store/observable'
import { signedInStore, until } from './support'

afterEach(() => {
  vi.restoreAllMocks()
})

/** The interop key rxjs and Angular look up: Symbol.observable where it exists, else '@@observable'. */
const interopKey = () => (typeof Symbol === 'function' && Symbol.observable) || '@@observable'

describe('a Stream over an atom', () => {
  test('replays the current value, then every change, to each subscriber', () => {
    const $n = atom(1)
    const stream = toStream($n)
    const a: number[] = [], b: number[] = []
    stream.subscribe((v) => a.push(v))
    $n.set(2)
    stream.subscribe({ next: (v) => b.push(v) })
    $n.set(3)
    expect(a).toEqual([1, 2, 3])
    expect(b).toEqual([2, 3])
  })

  test('unsubscribe stops the calls, is idempotent and sets closed', () => {
    const $n = atom(1)
    const seen: number[] = []
    const sub = toStream($n).subscribe((v) => seen.push(v))
    expect(sub.closed).toBe(false)
    sub.unsubscribe()
    sub.unsubscribe()
    expect(sub.closed).toBe(true)
    $n.set(2)
    expect(seen).toEqual([1])
    expect($n.lc).toBe(0) // the atom's listener is gone too
  })

  test('a subscriber that unsubscribes inside a call gets nothing more', () => {
    const $n = atom(1)
    const seen: number[] = []
    const sub = toStream($n).subscribe((v) => { seen.push(v); if (v === 2) sub.unsubscribe() })
    $n.set(2)
    $n.set(3)
    expect(seen).toEqual([1, 2])
    expect($n.lc).toBe(0)
  })

  test('rxjs take(1) through from() ends the subscription after the replayed value', () => {
    const $n = atom(1)
    const seen: number[] = []
    from(toStream($n)).pipe(take(1)).subscribe((v) => seen.push(v))
    $n.set(2)
    expect(seen).toEqual([1])
    expect($n.lc).toBe(0)
  })

  test('takes an observer object with only error/complete, or nothing at all', () => {
    const $n = atom(1)
    expect(() => toStream($n).subscribe({ complete() {} }).unsubscribe()).not.toThrow()
    expect(() => toStream($n).subscribe().unsubscribe()).not.toThrow()
    expect(() => toStream($n).subscribe(null).unsubscribe()).not.toThrow()
  })

  test('calls next with the observer as `this` (class-based observers)', () => {
    class Collector { seen: number[] = []; next(v: number) { this.seen.push(v) } }
    const c = new Collector()
    toStream(atom(7)).subscribe(c)
    expect(c.seen).toEqual([7])
  })

  test('a subscriber that throws is reported; the atom and the other subscribers are unharmed', () => {
    const reported: unknown[] = []
    vi.stubGlobal('reportError', (e: unknown) => reported.push(e))
    const $n = atom(1)
    const stream = toStream($n)
    const seen: number[] = []
    stream.subscribe(() => { throw new Error('boom') })
    stream.subscribe((v) => seen.push(v))
    expect(() => $n.set(2)).not.toThrow()
    expect(seen).toEqual([1, 2])
    expect($n.get()).toBe(2)
    expect(reported.map((e) => (e as Error).message)).toEqual(['boom', 'boom'])
    vi.unstubAllGlobals()
  })

  test('without reportError, a throwing subscriber goes to console.error', () => {
    vi.stubGlobal('reportError', undefined)
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    toStream(atom(1)).subscribe(() => { throw new Error('boom') })
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ message: 'boom' }))
    vi.unstubAllGlobals()
  })

  test('[Symbol.observable]() returns the stream itself (the @@observable fallback where the symbol is missing)', () => {
    const stream = toStream(atom(1)) as unknown as Record<PropertyKey, () => unknown>
    expect(stream[interopKey()]!()).toBe(stream)
  })

  test('with Symbol.observable polyfilled, the key is the symbol', () => {
    const had = Object.getOwnPropertyDescriptor(Symbol, 'observable')
    const symbol = Symbol('observable')
    Object.defineProperty(Symbol, 'observable', { value: symbol, configurable: true })
    try {
      const stream = toStream(atom(1)) as unknown as Record<PropertyKey, () => unknown>
      expect(stream[symbol]!()).toBe(stream)
    } finally {
      if (had) Object.defineProperty(Symbol, 'observable', had)
      else delete (Symbol as { observable?: symbol }).observable
    }
  })

  test('toObservable is the same function (the name the store uses)', () => {
    expect(toObservable).toBe(toStream)
  })
})

describe('consumers of the store', () => {
  test('rxjs 7 from(store.permissions.state$) replays the state and follows it, with operators', async () => {
    const store = await signedInStore()
    const seen: ResourceState<PermissionsData>[] = []
    const keys: string[][] = []
    const sub = from(store.permissions.state$).subscribe((s) => seen.push(s))
    const piped = from(store.permissions.state$).pipe(map((s) => (s.data?.permissions ?? []).map((p) => p.key)))
      .subscribe((k) => keys.push(k))
    expect(seen[0]).toBe(store.permissions.get()) // the current state, at once
    await until(() => store.permissions.get().status === 'ready' && !store.permissions.get().fetching)
    // every emission is the atom's state of that moment, in order, ending with the settled one
    expect(seen.at(-1)).toBe(store.permissions.get())
    expect(seen.map((s) => s.status)).toContain('ready')
    expect(keys.at(-1)!.length).toBeGreaterThan(0)
    sub.unsubscribe(); piped.unsubscribe()
    const count = seen.length
    await store.permissions.refresh()
    expect(seen).toHaveLength(count)
  })

  test('value$ and session$ work with from() too', async () => {
    const store = await signedInStore()
    const flags: boolean[] = []
    const sessions: string[] = []
    from(store.hasPermission('no-such-permission').value$).subscribe((v) => flags.push(v))
    from(store.session$).subscribe((s) => sessions.push(s.status))
    await until(() => sessions.at(-1) === 'signed-in')
    expect(flags).toEqual([false])
  })

  // What Angular does with a Subscribable: toSignal() calls subscribe({ next, error, complete })
  // and unsubscribe() on destroy; the async pipe checks `typeof obj.subscribe === 'function'`
  // (ɵisSubscribable), subscribes with { next, error } and later calls unsubscribe().
  test('an Angular-style consumer (toSignal / async pipe) subscribes with an observer object and unsubscribes', async () => {
    const store = await signedInStore()
    const source: unknown = store.session$
    expect(typeof (source as { subscribe?: unknown }).subscribe).toBe('function')
    let current: unknown
    const subscription = (source as Stream<unknown>).subscribe({
      next: (v) => { current = v },
      error: (e) => { throw e },
      complete: () => {},
    })
    expect(current).toBe(store.$session.get()) // toSignal's requireSync holds: a value at once
    subscription.unsubscribe()
    expect(subscription.closed).toBe(true)
  })

  test('a TC39-style consumer reaches it through Symbol.observable', async () => {
    const store = await signedInStore()
    const interop = (store.profile.state$ as unknown as Record<PropertyKey, () => Stream<unknown>>)[interopKey()]!()
    const seen: unknown[] = []
    const sub = interop.subscribe({ next: (v) => seen.push(v) })
    expect(seen).toEqual([store.profile.get()])
    sub.unsubscribe()
  })
})

test('the core entry does not bundle rxjs', async () => {
  const result = await build({
    entryPoints: ['src/index.ts'], bundle: true, write: false, format: 'esm', platform: 'browser', metafile: true,
    logLevel: 'silent', tsconfig: 'tsconfig.json',
  })
  const inputs = Object.keys(result.metafile.inputs)
  expect(inputs.filter((p) => p.includes('node_modules/rxjs') || p.includes('node_modules/tslib'))).toEqual([])
})
