// Small measuring helpers: medians over rounds, a monotonic clock, a GC that works without a flag.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

export const now = () => performance.now()

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

let gcFn: (() => void) | undefined
/** A full collection; `--expose-gc` when given, else turned on at run time (one process either way). */
export function gc(): void {
  if (!gcFn) {
    const g = (globalThis as { gc?: () => void }).gc
    if (g) gcFn = g
    else { setFlagsFromString('--expose-gc'); gcFn = runInNewContext('gc') as () => void }
  }
  gcFn!(); gcFn!()
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/** Resolves when `check()` holds, polling every `step` ms; rejects after `timeout` ms. */
export async function until(check: () => boolean, timeout = 10_000, step = 2): Promise<number> {
  const t0 = now()
  while (!check()) {
    if (now() - t0 > timeout) throw new Error(`timed out after ${timeout} ms`)
    await sleep(step)
  }
  return now() - t0
}

/** Lets queued microtasks and a macrotask turn run (TanStack notifies on a 0 ms timeout). */
export const tick = () => new Promise<void>((r) => setTimeout(r, 0))
