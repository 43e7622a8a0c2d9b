import type { TabMessage } from './types'

/**
 * A tab's open questions to the leader (a refresh, a snapshot). Each settles with the answer it
 * recognises, after its deadline with its fallback, or with the fallback when `settleAll` runs
 * (this tab became leader, or closed: nobody else will answer).
 */
export function createAsker(post: (message: TabMessage) => void, mayAsk: () => boolean) {
  const waiting = new Set<(answer?: TabMessage) => void>()
  return {
    /** Posts `message` and waits for the answer `accept` recognises, or gives up after timeoutMs. */
    ask<T>(message: TabMessage, accept: (m: TabMessage) => T | undefined, fallback: T, timeoutMs: number): Promise<T> {
      if (!mayAsk()) return Promise.resolve(fallback)
      return new Promise<T>((resolve) => {
        const settle = (answer?: TabMessage) => {
          const value = answer === undefined ? fallback : accept(answer)
          if (answer !== undefined && value === undefined) return // someone else's answer
          waiting.delete(settle)
          clearTimeout(timer)
          resolve(value as T)
        }
        const timer = setTimeout(() => settle(), timeoutMs)
        waiting.add(settle)
        post(message)
      })
    },
    /** An answer arrived: each open question takes it if it is its own. */
    answered(message: TabMessage): void {
      for (const settle of [...waiting]) settle(message)
    },
    settleAll(): void {
      for (const settle of [...waiting]) settle()
    },
  }
}
