/**
 * What the browser does to a tab it freezes (memory saver) or that hangs in a busy loop, for one
 * TabSync: while frozen its timers do not fire, it posts nothing, messages for it and answers of
 * its lock requests wait; on thaw an overdue interval fires once, then the waiting events arrive.
 * `dropMessages`: channel messages sent to it meanwhile are lost (what Chromium does to a paused page).
 */
export function freezable(locks: LockManager, options: { dropMessages?: boolean } = {}) {
  let frozen = false
  const waiting: Array<() => void> = []
  const timers = new Set<() => void>()
  const later = (fn: () => void) => (frozen ? void waiting.push(fn) : fn())

  const gatedLocks = {
    request(name: string, options: LockOptions, callback: (lock: Lock | null) => unknown) {
      return new Promise((resolve, reject) => {
        locks.request(name, options, callback).then((v) => later(() => resolve(v)), (e) => later(() => reject(e)))
      })
    },
    query: () => locks.query(),
  } as unknown as LockManager

  const createChannel = (name: string): BroadcastChannel => {
    const channel = new BroadcastChannel(name)
    const post = channel.postMessage.bind(channel)
    channel.postMessage = (message: unknown) => { if (!frozen) post(message) }
    let handler: ((event: MessageEvent) => void) | null = null
    Object.defineProperty(channel, 'onmessage', {
      get: () => handler,
      set: (fn: ((event: MessageEvent) => void) | null) => { handler = fn },
    })
    channel.addEventListener('message', (event) => {
      if (frozen && options.dropMessages) return
      later(() => handler?.(event as MessageEvent))
    })
    return channel
  }

  const every = (ms: number, fn: () => void) => {
    const tick = () => { if (!frozen) fn() }
    const id = setInterval(tick, ms)
    timers.add(fn)
    return () => { clearInterval(id); timers.delete(fn) }
  }

  return {
    locks: gatedLocks,
    createChannel,
    every,
    freeze() { frozen = true },
    thaw() {
      frozen = false
      for (const fn of [...timers]) fn() // the overdue tick comes first
      for (const fn of waiting.splice(0)) fn()
    },
  }
}
