/**
 * An in-process Web Locks double (exclusive locks only, which is all tab sync uses): a lock is
 * held while its callback's promise is pending; requests queue FIFO per name; an aborted
 * request leaves the queue with an AbortError, like navigator.locks. `{ steal: true }` releases
 * the holder at once (its request rejects with an AbortError, its callback keeps running) and is
 * granted ahead of the queue. `crash(name)` drops the holder as a closing tab would, without its
 * callback finishing.
 */
export function createLockManager() {
  interface Request { callback: (lock: Lock) => unknown; resolve(v: unknown): void; reject(e: unknown): void }
  const queues = new Map<string, Request[]>()
  const holders = new Map<string, Request>()

  const abortError = () => new DOMException('The request was aborted.', 'AbortError')

  function grant(name: string) {
    if (holders.has(name)) return
    const next = queues.get(name)?.shift()
    if (!next) return
    holders.set(name, next)
    const done = () => { if (holders.get(name) === next) { holders.delete(name); grant(name) } }
    Promise.resolve()
      .then(() => next.callback({ name, mode: 'exclusive' } as Lock))
      .then(next.resolve, next.reject)
      .finally(done)
  }

  const manager = {
    request(name: string, optionsOrCallback: LockOptions | ((lock: Lock) => unknown), maybeCallback?: (lock: Lock) => unknown) {
      const options = typeof optionsOrCallback === 'function' ? {} : optionsOrCallback
      const callback = typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback!
      return new Promise((resolve, reject) => {
        if (options.steal && options.signal) return reject(new DOMException('steal and signal', 'NotSupportedError'))
        if (options.signal?.aborted) return reject(abortError())
        const request: Request = { callback, resolve, reject }
        const queue = queues.get(name) ?? []
        queues.set(name, queue)
        if (options.steal) {
          const holder = holders.get(name)
          holders.delete(name)
          holder?.reject(abortError())
          queue.unshift(request)
          return grant(name)
        }
        queue.push(request)
        options.signal?.addEventListener('abort', () => {
          const at = queue.indexOf(request)
          if (at >= 0) { queue.splice(at, 1); reject(abortError()) }
        })
        grant(name)
      })
    },
    async query() {
      return {
        held: [...holders.keys()].map((name) => ({ name, mode: 'exclusive' as const })),
        pending: [...queues].flatMap(([name, q]) => q.map(() => ({ name, mode: 'exclusive' as const }))),
      }
    },
    /** The holder's tab went away: the browser releases its lock and grants the next request. */
    crash(name: string) {
      holders.delete(name)
      grant(name)
    },
  }
  return manager as typeof manager & LockManager
}
