// Moving fake time deterministically. The mock does real asynchronous work (WebCrypto checks each
// token), so fake time only moves once every request inside the mock has answered and other
// in-process work (microtasks, BroadcastChannel deliveries) has had real turns of the event loop.
import { vi } from 'vitest'

const realSetTimeout = globalThis.setTimeout
const realTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
const realTimer = (): Promise<void> => new Promise((resolve) => realSetTimeout(resolve, 0))

/** Requests the mock is working on (the wire counts them); `channels`: tabs talk over BroadcastChannel. */
export const mock = { busy: 0, channels: false }

/** Real turns until the mock is idle (bounded), with fake timers due now run in between. */
export async function quiet(rounds = 2): Promise<void> {
  for (let i = 0; i < 400 && (i < rounds || mock.busy > 0); i++) {
    await vi.advanceTimersByTimeAsync(0)
    await realTurn()
    // a BroadcastChannel message arrives on a later turn than setImmediate: only then wait a real timer
    if (mock.channels) await realTimer()
  }
  await vi.advanceTimersByTimeAsync(0)
}

/** Moves the fake clock by `ms` in steps, letting in-process work finish at each step. */
export async function advance(ms: number, step = 250): Promise<void> {
  while (ms > 0) {
    const s = Math.min(step, ms)
    await quiet(1)
    await vi.advanceTimersByTimeAsync(s)
    await quiet(1)
    ms -= s
  }
}

/** Waits in fake time until `check` holds, in coarse steps (a sequence that never converges must still end quickly). */
export async function until(check: () => boolean, what: string, max: number, step = 100): Promise<void> {
  for (let t = 0; t <= max; t += step) {
    await quiet(1)
    if (check()) return
    await vi.advanceTimersByTimeAsync(step)
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** A wait on the fake clock that ignores aborts (a slow answer still arrives after its request was aborted). */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
