/**
 * The 429 cool-down gate shared by every resource of a store (and, through tabs, every tab).
 * While it is closed nothing is sent; `whenOpen()` resolves when it ends. One timer for all waiters.
 */
export interface CooldownGate {
  /** Ms since epoch when the cool-down ends, or null when none is running. */
  until(): number | null
  /** Extends the cool-down to `until` (never shortens it). */
  extend(until: number): void
  /** Resolves at once when open, else when the cool-down ends. Never rejects. */
  whenOpen(): Promise<void>
  /** Ends the gate for good: releases waiters, stops the timer. */
  destroy(): void
}

export function createCooldownGate(options: { now?: () => number; onChange(until: number | null): void }): CooldownGate {
  const now = options.now ?? Date.now
  let end: number | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let waiters: Array<() => void> = []
  let destroyed = false

  const open = (): void => {
    timer = undefined
    if (end !== null && end > now()) return arm() // extended meanwhile (clock or another tab)
    end = null
    const release = waiters
    waiters = []
    options.onChange(null)
    for (const fn of release) fn()
  }
  const arm = (): void => {
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(open, Math.max(0, (end ?? 0) - now()))
  }

  return {
    until: () => (end !== null && end > now() ? end : null),
    extend(until) {
      if (destroyed || until <= now() || (end !== null && until <= end)) return
      end = until
      arm()
      options.onChange(end)
    },
    whenOpen() {
      if (destroyed || end === null || end <= now()) return Promise.resolve()
      return new Promise((resolve) => waiters.push(resolve))
    },
    destroy() {
      destroyed = true
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      end = null
      const release = waiters
      waiters = []
      for (const fn of release) fn()
    },
  }
}
