// Waits that end when the request's AbortSignal fires, the way a real fetch rejects, so a
// client's timeout or abort ends a hanging or slow mock request. setTimeout is looked up at call
// time, so vi.useFakeTimers() controls mock latency.

export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError')
}

/** Rejects with the signal's reason once it aborts; never settles otherwise. */
export function whenAborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise<never>((_, reject) => {
    if (!signal) return
    if (signal.aborted) reject(abortReason(signal))
    else signal.addEventListener('abort', () => reject(abortReason(signal)), { once: true })
  })
}

export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0) return Promise.resolve()
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    function onAbort() {
      clearTimeout(timer)
      reject(abortReason(signal!))
    }
    if (signal?.aborted) onAbort()
    else signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** Whichever comes first: the work's answer or the abort. */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  return signal ? Promise.race([work, whenAborted(signal)]) : work
}
