// Random sequences (fast-check) of user and org switches, token changes (also expiring and
// expired ones), sign-outs whose token the source keeps yielding, 429s (RateLimit-Reset,
// Retry-After or no header), 403 and 5xx, latency, a second tab (BroadcastChannel and a Web Locks
// double), hidden/visible, offline/online, a shared disk and subscribers that throw. In process
// against the mock, with fake timers and seeded jitter. Every emission of every watched atom
// checks the whole tab (ARCHITECTURE.md, rule 12 and "State table"); every request is checked
// as it leaves (expired or signed-out token, cool-down, dedup).
//
// Knobs: PROPERTY_RUNS (default 300), PROPERTY_SEED (default 20260101), PROPERTY_PATH (replay one
// counterexample: fast-check prints seed and path), PROPERTY_SURVEY=1 (run every sequence and
// list every broken rule with its first counterexample, instead of stopping at the first).
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest'
import fc from 'fast-check'
import { useFakeTime } from './helpers'
import { browser, runSequence, type Verdicts } from './property/run'
import { EXAMPLES, sequence, type Sequence } from './property/steps'
import { createWorld, type World } from './property/world'

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300)
const SEED = Number(process.env.PROPERTY_SEED ?? 20260101)
const PATH = process.env.PROPERTY_PATH || undefined
const SURVEY = process.env.PROPERTY_SURVEY === '1'

let world: World
const caught = { errors: [] as unknown[], reported: [] as unknown[] }
const onUnhandled = (reason: unknown) => { caught.errors.push(reason) }
const realReportError = globalThis.reportError

beforeAll(async () => {
  world = await createWorld()
  process.on('unhandledRejection', onUnhandled)
})
afterAll(() => { process.off('unhandledRejection', onUnhandled) })
beforeEach(() => {
  useFakeTime()
  vi.spyOn(navigator as unknown as { locks: LockManager }, 'locks', 'get').mockImplementation(() => browser.locks as unknown as LockManager)
  // Rule 16: a subscriber's exception is reported (reportError, else console.error).
  globalThis.reportError = (error: unknown) => { caught.reported.push(error) }
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { caught.reported.push(...args) })
})
afterEach(() => {
  globalThis.reportError = realReportError
  vi.restoreAllMocks()
  vi.useRealTimers()
})

const describe = (v: Verdicts): string =>
  [...v].map(([category, { count, first }]) => `- ${category} (×${count})\n    first: ${first}`).join('\n')

test(`${RUNS} random sequences keep every rule at every emission and converge`, async () => {
  const survey = new Map<string, { runs: number; total: number; index: number; first: string; seq: Sequence }>()
  let index = 0
  const clean: number[] = []
  await fc.assert(
    fc.asyncProperty(sequence, async (seq) => {
      const started = performance.now()
      const verdicts = await runSequence(world, seq, caught)
      if (![...verdicts.keys()].some((k) => k.startsWith('did not converge'))) clean.push(performance.now() - started)
      const run = index++
      if (!SURVEY) {
        if (verdicts.size) throw new Error(`rules broken:\n${describe(verdicts)}`)
        return
      }
      for (const [category, { count, first }] of verdicts) {
        const s = survey.get(category)
        if (s) { s.runs++; s.total += count } else survey.set(category, { runs: 1, total: count, index: run, first, seq })
      }
    }),
    { numRuns: RUNS, seed: SEED, path: PATH, endOnFailure: true, examples: EXAMPLES.map((e) => [e] as [Sequence]) },
  )
  if (SURVEY && survey.size) {
    const lines = [...survey].map(([category, s]) =>
      `- ${category}: ${s.runs}/${index} runs (${s.total} times); first at PROPERTY_SEED=${SEED} PROPERTY_PATH=${s.index}\n    ${s.first}\n    ${JSON.stringify(s.seq)}`)
    const ms = clean.length ? Math.round(clean.reduce((a, b) => a + b, 0) / clean.length) : NaN
    console.log(`survey of ${index} sequences (${clean.length} converged, in ${ms} ms each on average):\n${lines.join('\n')}`)
  }
  expect([...survey.keys()]).toEqual([])
}, Math.max(600_000, RUNS * 2_000))
