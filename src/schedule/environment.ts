/**
 * THE ONLY module in src/ that reads `window`, `document` or `navigator.onLine` (SSR and Node safe).
 * Like TanStack's focusManager/onlineManager: it listens on its first subscriber, stops on the
 * last, and lets tests or SSR swap the listener with `setEventListener`.
 */
export interface EnvironmentSignal {
  /** Current value: page visible / browser online. true where there is no DOM. */
  get(): boolean
  /** Called with the new value on each change. Returns unsubscribe. */
  subscribe(fn: (value: boolean) => void): () => void
  /** Replaces how changes are detected: `setup(set)` starts listening and returns its cleanup. */
  setEventListener(setup: (set: (value: boolean) => void) => (() => void) | void): void
  /** Forces a value (tests, SSR, a host that knows better). */
  set(value: boolean): void
  /** Drops a forced value: the environment's own signal counts again. */
  unset(): void
}

type Setup = (set: (value: boolean) => void) => (() => void) | void

function createSignal(read: () => boolean, defaultSetup: Setup): EnvironmentSignal {
  const listeners = new Set<(value: boolean) => void>()
  let setup = defaultSetup
  let cleanup: (() => void) | void
  // The last value a listener (or set()) reported; undefined: read the environment itself.
  let known: boolean | undefined

  const value = (): boolean => known ?? read()
  const set = (next: boolean): void => {
    const prev = value()
    known = next
    if (next !== prev) for (const fn of [...listeners]) fn(next)
  }
  const onEvent = set

  return {
    get: value,
    subscribe(fn) {
      if (listeners.size === 0) {
        known = read() // the baseline later events are compared with
        cleanup = setup(onEvent)
      }
      listeners.add(fn)
      return () => {
        if (!listeners.delete(fn) || listeners.size > 0) return
        if (typeof cleanup === 'function') cleanup()
        cleanup = undefined
        known = undefined // nobody listens: read the environment afresh next time
      }
    },
    setEventListener(next) {
      if (typeof cleanup === 'function') cleanup()
      setup = next
      cleanup = listeners.size > 0 ? setup(onEvent) : undefined
    },
    set,
    unset: () => set(read()),
  }
}

const hasDom = (): boolean => typeof window !== 'undefined' && typeof window.addEventListener === 'function'

const isVisible = (): boolean => typeof document === 'undefined' || document.visibilityState !== 'hidden'

const isOnline = (): boolean =>
  typeof navigator === 'undefined' || typeof navigator.onLine !== 'boolean' || navigator.onLine

/** Page visibility (`visibilitychange` on the document). */
export function createVisibilitySignal(): EnvironmentSignal {
  return createSignal(isVisible, (set) => {
    if (!hasDom()) return
    const handler = (): void => set(isVisible())
    document.addEventListener('visibilitychange', handler, false)
    return () => document.removeEventListener('visibilitychange', handler)
  })
}

/** Browser connectivity (`online` / `offline`). */
export function createOnlineSignal(): EnvironmentSignal {
  return createSignal(isOnline, (set) => {
    if (!hasDom()) return
    const online = (): void => set(true)
    const offline = (): void => set(false)
    window.addEventListener('online', online, false)
    window.addEventListener('offline', offline, false)
    return () => {
      window.removeEventListener('online', online)
      window.removeEventListener('offline', offline)
    }
  })
}

/** Whether IndexedDB / BroadcastChannel exist here (for the persist and crossTab defaults). */
export const hasIndexedDb = (): boolean => typeof indexedDB !== 'undefined' && indexedDB !== null
export const hasBroadcastChannel = (): boolean => typeof BroadcastChannel !== 'undefined'
