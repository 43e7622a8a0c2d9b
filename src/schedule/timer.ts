/** One repeating timer (one per resource, never one per subscriber). start() restarts it. */
export interface IntervalTimer {
  start(ms: number): void
  stop(): void
  readonly running: boolean
}

export function createIntervalTimer(tick: () => void): IntervalTimer {
  let id: ReturnType<typeof setInterval> | undefined
  return {
    start(ms) {
      if (id !== undefined) clearInterval(id)
      id = setInterval(tick, ms)
    },
    stop() {
      if (id !== undefined) clearInterval(id)
      id = undefined
    },
    get running() {
      return id !== undefined
    },
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. Never rejects. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const done = (): void => {
      clearTimeout(id)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const id = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}
