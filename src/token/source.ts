import type { TokenSessionManager, TokenSource } from '../models'
import { text as normalise } from './identity'

/**
 * One stream of tokens fed by the `token` option and by `setToken()`: the latest value wins.
 * A function source (and a Kinde session manager) is re-read on every `read()` (each trigger), so
 * a token refreshed by Kinde's SDK is picked up without help; one with a `subscribe` method is also
 * re-read whenever it notifies. A pushed source pushes on its own.
 */
export interface TokenStream {
  /** The latest token (null: none). */
  current(): string | null
  /**
   * Re-reads a function source or session manager; resolves once its answer (if any) is applied.
   * Never rejects: a read that throws or rejects resolves with `{ failed: cause }`.
   */
  read(): Promise<{ failed: unknown } | undefined>
  /** `store.setToken()`. */
  set(token: string | null): void
  /** Stops listening to a pushed source. */
  close(): void
  /** The source answers when asked (a function or a session manager): `read()` asks it. Others push or never change. */
  readonly askable: boolean
}

type Unsubscribe = (() => void) | { unsubscribe(): void } | undefined
/** A getter with a `subscribe` (fromKinde's session-manager bridge): not in TokenSource's type, so an inline `{ subscribe: (fn) => … }` stays typed. */
type Notifying = { subscribe(listener: () => void): Unsubscribe }

const isSessionManager = (source: unknown): source is TokenSessionManager =>
  typeof source === 'object' && source !== null && typeof (source as TokenSessionManager).getSessionItem === 'function'

// rxjs and TC39-style Observables take an observer object, so their errors can be caught;
// nanostores atoms and Svelte stores take only a function.
const isObservable = (source: object): boolean =>
  typeof (source as { pipe?: unknown }).pipe === 'function' ||
  (typeof (Symbol as { observable?: symbol }).observable === 'symbol' && (Symbol as { observable?: symbol }).observable! in source) ||
  '@@observable' in source

/**
 * `onToken` is called whenever the latest value changes, never with the same value twice in a row.
 * `onError` gets what a pushed source errors with (it never escapes uncaught).
 */
export function createTokenStream(
  source: TokenSource, onToken: (token: string | null) => void, onError: (error: unknown) => void = () => {},
): TokenStream {
  let latest: string | null = null
  let closed = false
  // A source repeating its own previous value is not news: setToken('b') must stick until the
  // source yields something new, or a function returning the old token would undo it on every read.
  let lastFromSource: string | null | undefined
  let readSeq = 0
  let unsubscribe: Unsubscribe

  const emit = (token: string | null): void => {
    if (closed || token === latest) return
    latest = token
    onToken(token)
  }
  const fromSource = (value: unknown): void => {
    const token = normalise(value)
    if (token === lastFromSource) return
    lastFromSource = token
    emit(token)
  }
  const manager = isSessionManager(source) ? source : null
  const ask = typeof source === 'function' ? source : manager ? () => manager.getSessionItem('accessToken') : null
  // Sources whose listeners get no value, only "read me again": a session manager, and a getter
  // with a `subscribe` (fromKinde's session-manager bridge).
  const notifier = manager ?? (ask && typeof (source as Partial<Notifying>).subscribe === 'function' ? source as unknown as Notifying : null)

  const read = async (): Promise<{ failed: unknown } | undefined> => {
    if (!ask || closed) return undefined
    const seq = ++readSeq
    let value: unknown
    try {
      value = await ask()
    } catch (failed) {
      return { failed } // the current token stays; the caller decides what the attempt shows
    }
    // A function answering undefined does not know right now (Kinde's getAccessToken while another
    // tab holds the refresh lock): keep the last token. A session manager's missing token is a sign-out.
    if (value === undefined && !manager) return undefined
    // An older read answering after a newer one must not win.
    if (seq === readSeq) fromSource(value)
    return undefined
  }

  if (typeof source === 'string' || source === null || source === undefined) {
    fromSource(source)
  } else if (notifier) {
    // a notification carries no value and is never a sign-out by itself: read again
    unsubscribe = notifier.subscribe(() => { void read() }) as Unsubscribe
  } else if (typeof source === 'object' && typeof source.subscribe === 'function') {
    const next = (value: unknown): void => fromSource(value)
    const subscribe = source.subscribe.bind(source) as (observer: unknown) => Unsubscribe
    unsubscribe = subscribe(isObservable(source) ? { next, error: onError, complete: () => {} } : next)
  }

  return {
    current: () => latest,
    read,
    askable: ask !== null,
    set: (token) => emit(normalise(token)),
    close() {
      if (closed) return
      closed = true
      if (typeof unsubscribe === 'function') unsubscribe()
      else (unsubscribe as { unsubscribe?: () => void } | undefined)?.unsubscribe?.()
    },
  }
}
