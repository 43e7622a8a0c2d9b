/** One repeating timer (one per resource, never one per subscriber). start() restarts it. */
export interface IntervalTimer {
  start(ms: number): void
  stop(): void
  readonly running: boolean
}

export function createIntervalTimer(tick: () => void): IntervalTimer {
  let stop: (() => void) | undefined
  const every = (ms: number): (() => void) => {
    if (ms <= MAX_TIMER_DELAY) {
      const id = setInterval(tick, ms)
      return () => clearInterval(id)
    }
    // longer than a timer holds: chained one-shots, so it never fires every millisecond
    let cancel = after(ms, function again() { tick(); cancel = after(ms, again) })
    return () => cancel()
  }
  return {
    start(ms) {
      stop?.()
      stop = every(ms)
    },
    stop() {
      stop?.()
      stop = undefined
    },
    get running() {
      return stop !== undefined
    },
  }
}

/** Timers fire at once above this (and Node warns with a TimeoutOverflowWarning). */
export const MAX_TIMER_DELAY = 2 ** 31 - 1

/**
 * setTimeout for any delay: a longer one is chained in steps a timer can hold, so it fires when
 * asked, not after 1 ms. Returns the cancel function.
 */
export function after(ms: number, fn: () => void, now: () => number = Date.now): () => void {
  const at = now() + Math.max(0, ms)
  let id: ReturnType<typeof setTimeout>
  const step = (): void => {
    const left = at - now()
    if (left > 0 && left !== Infinity) id = setTimeout(step, Math.min(left, MAX_TIMER_DELAY))
    else if (left <= 0) fn()
  }
  id = setTimeout(step, Math.min(Math.max(0, ms), MAX_TIMER_DELAY))
  return () => clearTimeout(id)
}

/** Resolves after `ms` (chained past the timer limit), or at once when `signal` aborts. Never rejects. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const done = (): void => {
      cancel()
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const cancel = after(ms, done)
    signal?.addEventListener('abort', done, { once: true })
  })
}
