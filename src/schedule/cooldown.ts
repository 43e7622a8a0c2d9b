import { MAX_COOLDOWN } from './backoff'
import { after } from './timer'

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
  let cancel: (() => void) | undefined
  let waiters: Array<() => void> = []
  let destroyed = false

  const open = (): void => {
    cancel = undefined
    if (end !== null && end > now()) return arm() // extended meanwhile (clock or another tab)
    end = null
    const release = waiters
    waiters = []
    options.onChange(null)
    for (const fn of release) fn()
  }
  const arm = (): void => {
    cancel?.()
    cancel = after((end ?? 0) - now(), open, now) // chained: a long cool-down never overflows a timer
  }

  return {
    until: () => (end !== null && end > now() ? end : null),
    extend(asked) {
      const until = Math.min(asked, now() + MAX_COOLDOWN) // another tab's word is capped like a header
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
      cancel?.()
      cancel = undefined
      end = null
      const release = waiters
      waiters = []
      for (const fn of release) fn()
    },
  }
}
