// What the parts of one sequence's run share.
import type { Sequence, Slot } from './steps'
import type { Shared, Tab } from './tab'
import type { World } from './world'
import type { diskOf } from './disk'

/** Category → how often, and the first occurrence. */
export type Verdicts = Map<string, { count: number; first: string }>

export interface Run {
  world: World
  seq: Sequence
  shared: Shared
  /** Open tabs by slot (null: closed), and every tab opened so far. */
  tabs: Array<Tab | null>
  opened: Tab[]
  open(slot: Slot): Tab
  /** The tab a step's slot means (slot 1 is slot 0 when the sequence has one tab). */
  tabAt(slot: Slot): Tab | null
  /** Where the sequence is, for reports. */
  at: string
  report(category: string, detail: string): void
  /** Calls the store; a subscriber's exception must never come out of it (rule 16). */
  call<T>(tab: Tab, what: string, fn: () => T): T | undefined
  /** Moves fake time; false when it timed out or a subscriber's exception escaped through a timer. */
  time(move: () => Promise<void>, what: string): Promise<boolean>
  /** Watches a refresh() or an action until it settles. */
  track(tab: Tab, what: string, promise: Promise<unknown>, after?: (ok: boolean, value: unknown) => void): void
  disk: ReturnType<typeof diskOf> | null
  caught: { errors: unknown[]; reported: unknown[] }
}
