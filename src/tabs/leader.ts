export interface Election {
  readonly leader: boolean
  /** Gives up leadership (or the place in the queue); idempotent. */
  close(): void
}

/**
 * Leader election on a Web Lock: whoever holds the lock leads, and holds it until close() (or
 * until the browser drops it with the tab). Every other tab waits in the lock's queue, so the
 * browser itself hands leadership to the next tab the moment the leader's tab goes away.
 * Without Web Locks (or when a request fails) every tab leads, which only means it polls.
 */
export function electLeader(locks: LockManager | null, name: string, onChange: (leader: boolean) => void): Election {
  let leader = false
  let closed = false
  let release: (() => void) | undefined
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined

  const lead = () => {
    if (closed || leader) return
    leader = true
    onChange(true)
  }

  if (!locks) {
    // Asynchronous like a granted lock, so the caller has its TabSync in hand when it hears of it.
    queueMicrotask(lead)
  } else {
    const held = (): Promise<void> | undefined => {
      if (closed) return undefined // granted after close: hand it straight back
      lead()
      return new Promise<void>((resolve) => { release = resolve })
    }
    try {
      locks
        .request(name, { mode: 'exclusive', ...(controller ? { signal: controller.signal } : {}) }, held)
        .catch((error: { name?: string }) => { if (error?.name !== 'AbortError') lead() })
    } catch {
      lead() // e.g. SecurityError in an opaque origin: behave as without Web Locks
    }
  }

  return {
    get leader() { return leader },
    close() {
      if (closed) return
      closed = true
      leader = false
      controller?.abort()
      release?.()
    },
  }
}
