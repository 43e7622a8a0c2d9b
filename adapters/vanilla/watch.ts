import { atomOf, isDone, type Source, type SourceValue } from './source'

/**
 * Calls `callback` with the source's current value at once, then with every change.
 * @returns the function that stops watching.
 */
export function watch<S extends Source>(source: S, callback: (value: SourceValue<S>) => void): () => void {
  return atomOf(source).subscribe((value) => callback(value as SourceValue<S>))
}

/**
 * Resolves with the first value (the current one included) that passes `predicate`.
 * Without a predicate: a `Derived` resolves as its `settled()` does; a `Resource` once it is
 * `ready` or `error` (cached data counts: pass `(s) => !s.fetching` to wait for the network);
 * an atom once its value is not `undefined`. Rejects if `predicate` throws. It keeps its
 * subscription until then: don't wait on something that may never happen.
 */
export function when<S extends Source>(source: S, predicate?: (value: SourceValue<S>) => boolean): Promise<SourceValue<S>> {
  if (!predicate && 'settled' in source && typeof source.settled === 'function') {
    return source.settled() as Promise<SourceValue<S>>
  }
  const test = predicate ?? isDone
  return new Promise((resolve, reject) => {
    let done = false
    let stop: (() => void) | undefined
    const finish = (settle: () => void) => {
      done = true
      stop?.()
      settle()
    }
    stop = watch(source, (value) => {
      if (done) return
      try {
        if (test(value)) finish(() => resolve(value))
      } catch (error) {
        finish(() => reject(error))
      }
    })
    // The first call back happens inside subscribe(), before `stop` was assigned.
    if (done) stop()
  })
}
