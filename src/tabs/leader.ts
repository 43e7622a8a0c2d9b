export interface Election {
  readonly leader: boolean
  /**
   * Takes the lock from a holder that stopped running (a frozen or hung tab keeps its lock): a
   * Web Locks `steal`. The old holder hears of it (an AbortError) when it runs again.
   */
  takeOver(): void
  /** Gives leadership up and queues again behind whoever is waiting. */
  stepDown(): void
  /** Gives up leadership (or the place in the queue) for good; idempotent. */
  close(): void
}

/**
 * Leader election on a Web Lock: whoever holds the lock leads, and holds it until close() (or
 * until the browser drops it with the tab). Every other tab waits in the lock's queue, so the
 * browser itself hands leadership to the next tab the moment the leader's tab goes away. A tab
 * whose lock was stolen steps down and queues again. Without Web Locks (or when a request fails)
 * every tab leads, which only means it polls.
 */
export function electLeader(locks: LockManager | null, name: string, onChange: (leader: boolean) => void): Election {
  let leader = false
  let closed = false
  let release: (() => void) | undefined
  let controller: AbortController | undefined
  // Each request is an attempt; the answers of an attempt we gave up on are ignored.
  let attempt = 0

  const lead = () => {
    if (closed || leader) return
    leader = true
    onChange(true)
  }
  const follow = () => {
    if (!leader) return
    leader = false
    onChange(false)
  }

  function request(steal: boolean): void {
    if (!locks || closed) return
    const mine = ++attempt
    controller?.abort() // leave the queue (a no-op when that request was granted)
    // `steal` takes no signal: a stolen-for request is granted at once, there is no queue to leave
    controller = steal || typeof AbortController !== 'function' ? undefined : new AbortController()
    const held = (): Promise<void> | undefined => {
      if (closed || mine !== attempt) return undefined // granted after we gave up: hand it straight back
      lead()
      return new Promise<void>((resolve) => { release = resolve })
    }
    const options: LockOptions = steal ? { mode: 'exclusive', steal: true } : { mode: 'exclusive', ...(controller ? { signal: controller.signal } : {}) }
    try {
      locks.request(name, options, held).catch((error: { name?: string }) => {
        if (closed || mine !== attempt) return
        if (error?.name !== 'AbortError') return lead() // e.g. SecurityError: behave as without Web Locks
        // Our lock was stolen by a tab that found us unresponsive: follow it, and queue again.
        release = undefined
        follow()
        request(false)
      })
    } catch {
      lead() // e.g. SecurityError in an opaque origin: behave as without Web Locks
    }
  }

  if (!locks) {
    // Asynchronous like a granted lock, so the caller has its TabSync in hand when it hears of it.
    queueMicrotask(lead)
  } else {
    request(false)
  }

  return {
    get leader() { return leader },
    takeOver() {
      if (closed || leader || !locks) return
      request(true)
    },
    stepDown() {
      if (closed || !leader || !locks) return
      const give = release
      release = undefined
      follow()
      request(false) // queue first, then let go: the next tab in line leads, we wait behind it
      give?.()
    },
    close() {
      if (closed) return
      closed = true
      leader = false
      controller?.abort()
      release?.()
    },
  }
}
