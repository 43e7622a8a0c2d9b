import type { ReadableAtom } from 'nanostores'
import { report } from './report'

// The same global rxjs declares, so `[Symbol.observable]` types without importing rxjs.
declare global {
  interface SymbolConstructor {
    readonly observable: symbol
  }
}

/** What a `Stream` calls: any of the three, as rxjs's, Angular's and TC39's observers. */
export interface StreamObserver<T> {
  /** Called with the current value on subscribe, then with every change. */
  next?(value: T): void
  /** Never called by a `Stream`: it does not error (a state holds its errors as data). */
  error?(error: unknown): void
  /** Never called by a `Stream`: it does not complete. */
  complete?(): void
}

/** What `subscribe` returns: an rxjs-style `Subscription` (`unsubscribe()` is idempotent). */
export interface StreamSubscription {
  /** Stops the calls; calling it again does nothing. */
  unsubscribe(): void
  /** `true` once `unsubscribe()` was called. */
  readonly closed: boolean
}

/**
 * An interop observable over an atom: it replays the current value, then every change, and never
 * errors or completes (a state holds its errors as data). rxjs's `from()`, Angular's `toSignal`
 * and `async` pipe, and any TC39-style consumer take it as it is; `kinde-account-sync/rxjs` turns
 * it into a real rxjs `Observable` with `.pipe`.
 */
export interface Stream<T> {
  /**
   * Calls `observer` (an observer object or a function) with the current value at once, then with
   * every change. An exception it throws is reported (`reportError`), never thrown into the store.
   */
  subscribe(observer?: StreamObserver<T> | ((value: T) => void) | null): StreamSubscription
  /** The stream itself, under the interop key rxjs and Angular look for (`Symbol.observable`, else `'@@observable'`). */
  [Symbol.observable](): Stream<T>
}

/** The key interop consumers look for: rxjs and Angular fall back to '@@observable' as well. */
const observableKey = () => (typeof Symbol === 'function' && Symbol.observable) || '@@observable'

/** A `Stream` of `$atom`'s values. No rxjs: a subscription is one atom listener and a flag. */
export function toStream<T>($atom: ReadableAtom<T>): Stream<T> {
  const stream: Stream<T> = {
    subscribe(observer?: StreamObserver<T> | ((value: T) => void) | null): StreamSubscription {
      const subscription = {
        closed: false,
        unsubscribe() {
          subscription.closed = true
          stop()
        },
      }
      const stop = $atom.subscribe((value) => {
        if (subscription.closed) return
        try {
          // called as a method: a class-based observer keeps its `this`
          if (typeof observer === 'function') observer(value)
          else observer?.next?.(value)
        } catch (error) {
          report(error)
        }
      })
      return subscription
    },
    [observableKey()]: () => stream,
  } as unknown as Stream<T>
  return stream
}

/** The name the store has always used. */
export const toObservable = toStream
