// Runs one random sequence against one or two tabs and returns every rule it saw broken.
import { vi } from 'vitest'
import { apply } from './apply'
import { mock, quiet as flush } from './clock'
import { converge } from './converge'
import { createLockManager } from '../../tabs/support/locks'
import { manualSignal } from './seam'
import type { Sequence, Slot } from './steps'
import { openTab, type Shared, type Tab } from './tab'
import { IDENTITIES, START, type World } from './world'
import { diskOf } from './disk'
import type { Run } from './sequence'

export type { Verdicts } from './sequence'
import type { Verdicts } from './sequence'

/** The locks of the tabs' "browser": set by each sequence, read through navigator.locks. */
export const browser = { locks: createLockManager() }

export async function runSequence(world: World, seq: Sequence, caught: { errors: unknown[]; reported: unknown[] }): Promise<Verdicts> {
  vi.setSystemTime(START)
  world.api.clearFaults()
  world.api.clearRequests()
  browser.locks = createLockManager()
  mock.channels = seq.twoTabs
  caught.errors.length = 0
  caught.reported.length = 0
  const verdicts: Verdicts = new Map()
  const run: Run = {} as Run
  run.at = 'start'
  const report = (category: string, detail: string) => {
    const v = verdicts.get(category)
    if (v) v.count++
    else verdicts.set(category, { count: 1, first: `${run.at}: ${detail}` })
  }
  const disk = seq.persist ? diskOf(report) : null
  const shared: Shared = {
    world, seq, source: world.token(IDENTITIES[seq.first]!, 'long'), forbidden: new Map(), online: manualSignal('online'),
    engine: disk?.engine ?? null, report, thrown: new Set(), latency: [], signedIn: (user) => disk?.signedIn(user),
  }
  const opened: Tab[] = []
  const open = (slot: Slot): Tab => { const t = openTab(slot, shared); opened.push(t); return t }
  const tabs: Array<Tab | null> = [open(0), seq.twoTabs ? open(1) : null]
  const tabAt = (slot: Slot): Tab | null => tabs[seq.twoTabs ? slot : 0] ?? null
  let serial = 0
  const track: Run['track'] = (tab: Tab, what: string, promise: Promise<unknown>, after?: (ok: boolean, value: unknown) => void) => {
    const id = ++serial
    tab.pending.set(id, what)
    promise.then((v) => { tab.pending.delete(id); after?.(true, v) }, (e) => { tab.pending.delete(id); after?.(false, e) })
  }
  /** Calls the store; a subscriber's exception must never come out of it (rule 16). */
  const call: Run['call'] = <T>(tab: Tab, what: string, fn: () => T): T | undefined => {
    try { return fn() } catch (error) { report('rule 16: a subscriber exception escaped a store call', `${what}: ${String(error)}`) }
  }

  /** Moves fake time; an exception out of a timer is a subscriber's, escaping through the store (rule 16). */
  const time: Run['time'] = async (move: () => Promise<void>, what: string): Promise<boolean> => {
    try { await move(); return true } catch (error) {
      if (shared.thrown.has(error)) report('rule 16: a subscriber exception escaped from a timer', what)
      else if (!String(error).includes('timed out waiting')) throw error
      return false
    }
  }

  Object.assign(run, { world, seq, shared, tabs, opened, open, tabAt, report, call, time, track, disk, caught })

  await time(() => flush(2), 'start')
  for (const [i, s] of seq.steps.entries()) {
    run.at = `step ${i} ${JSON.stringify(s)}`
    await apply(run, s)
  }
  await converge(run)
  for (const t of tabs) if (t) call(t, 'destroy()', () => t.close())
  await time(() => flush(2), 'flush')
  for (const e of caught.errors) report('rule 10: unhandled rejection', String(e))
  return verdicts
}
