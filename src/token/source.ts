import type { TokenSource } from '../store/types'
import { text as normalise } from './identity'

/**
 * One stream of tokens fed by the `token` option and by `setToken()`: the latest value wins.
 * A function source is re-read on every `read()` (each trigger), so a token refreshed by Kinde's
 * SDK is picked up without help. A pushed source (Observable, nanostores atom, Svelte store)
 * pushes on its own.
 */
export interface TokenStream {
  /** The latest token (null: none). */
  current(): string | null
  /** Re-reads a function source; resolves once its answer (if any) is applied. Never rejects. */
  read(): Promise<void>
  /** `store.setToken()`. */
  set(token: string | null): void
  /** Stops listening to a pushed source. */
  close(): void
}


type Unsubscribe = (() => void) | { unsubscribe(): void } | undefined

/** `onToken` is called whenever the latest value changes, never with the same value twice in a row. */
export function createTokenStream(source: TokenSource, onToken: (token: string | null) => void): TokenStream {
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

  const read = async (): Promise<void> => {
    if (typeof source !== 'function' || closed) return
    const seq = ++readSeq
    let value: unknown
    try {
      value = await source()
    } catch {
      return // a failing getter keeps the current token; the next trigger asks again
    }
    // undefined: not known right now (Kinde's getAccessToken() while another tab refreshes): keep the last token.
    if (value === undefined) return
    // An older read answering after a newer one must not win.
    if (seq === readSeq) fromSource(value)
  }

  if (typeof source === 'string' || source === null || source === undefined) {
    fromSource(source)
  } else if (typeof source === 'object' && typeof source.subscribe === 'function') {
    unsubscribe = source.subscribe((value) => fromSource(value)) as Unsubscribe
  }

  return {
    current: () => latest,
    read,
    set: (token) => emit(normalise(token)),
    close() {
      if (closed) return
      closed = true
      if (typeof unsubscribe === 'function') unsubscribe()
      else unsubscribe?.unsubscribe()
    },
  }
}
