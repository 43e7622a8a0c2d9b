// Shared steps of the runtime workloads: who is measured, starting an instance, waiting for it.
import type { Column } from './report'
import { now } from './stats'
import { createStub, NAMES, versionOf, type Name, type Stub } from './stub'
import { token } from './token'
import type { Instance, Subject } from '../subjects/types'

export interface Entry { column: Column; subject: Subject }

/** Resolves once every resource in `names` is settled with the stub's current version. */
export function whenFresh(inst: Instance, stub: Stub, names: readonly Name[], timeout = 15_000): Promise<number> {
  const t0 = now()
  return new Promise((resolve, reject) => {
    const check = () => {
      if (names.every((n) => inst.settled(n) && versionOf(inst.data(n)) === stub.version)) return resolve(now() - t0)
      if (now() - t0 > timeout) return reject(new Error(`not fresh after ${timeout} ms`))
      setTimeout(check, 1)
    }
    check()
  })
}

/** A fresh stub and a settled instance of `subject` syncing `names`. */
export async function start(subject: Subject, names: readonly Name[] = NAMES, items = 3) {
  const stub = createStub({ items })
  const inst = subject.create({ stub, token: token(), names })
  await whenFresh(inst, stub, names)
  return { stub, inst }
}

/** Runs `f` `rounds` times and returns every result. Errors become null (reported as "—"). */
export async function rounds<T>(n: number, label: string, f: (round: number) => Promise<T>): Promise<Array<T | null>> {
  const out: Array<T | null> = []
  for (let i = 0; i < n; i++) {
    try { out.push(await f(i)) } catch (e) { console.warn(`  ${label}: ${(e as Error).message}`); out.push(null) }
  }
  return out
}
