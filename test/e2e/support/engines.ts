/**
 * The browser suite's entry point: `describeEngines(name, body)` registers `body` once per engine
 * as `[chromium] name`, `[firefox] name`, `[webkit] name`, so the report names the engine of every
 * test. An engine that is not installed is skipped loudly, or fails under REQUIRE_BROWSER=1 (as
 * `.ci/run` sets): CI never passes by skipping.
 *
 *   describeEngines('my pages', (engine) => {
 *     let browser: TestBrowser
 *     beforeAll(async () => { browser = await engine.launch() })
 *     afterAll(() => browser?.close())
 *     test('…', async () => { const page = await (await browser.newProfile()).newPage(); … })
 *   })
 *
 * KAS_ENGINES=chromium,firefox narrows the run (e.g. while working on one engine).
 */
import { describe, test } from 'vitest'
import { browserRequired } from './browser'
import type { Engine, EngineName } from './engine'
import { chromiumEngine } from './engine-chromium'
import { firefoxEngine } from './engine-firefox'
import { webkitEngine } from './engine-webkit'

export type { Engine, EngineName, TestBrowser, TestPage, TestProfile } from './engine'
export const ENGINES: readonly Engine[] = [chromiumEngine, firefoxEngine, webkitEngine]

const wanted = (name: EngineName): boolean => {
  const only = process.env.KAS_ENGINES?.split(',').map((s) => s.trim()).filter(Boolean)
  return !only?.length || only.includes(name)
}

/** `describe` once per engine (or per engine in `only`), each named `[engine] name`. */
export function describeEngines(name: string, body: (engine: Engine) => void, only: readonly EngineName[] = ENGINES.map((e) => e.name)): void {
  for (const engine of ENGINES) {
    if (!only.includes(engine.name) || !wanted(engine.name)) continue
    const title = `[${engine.name}] ${name}`
    if (engine.find()) {
      describe(title, () => body(engine))
    } else if (browserRequired()) {
      describe(title, () => {
        test(`needs ${engine.name} (REQUIRE_BROWSER=1)`, () => {
          throw new Error(`No ${engine.name} for browser tests. Install it: ${engine.hint}`)
        })
      })
    } else {
      console.warn(`\n!!! SKIPPING browser tests "${title}": ${engine.name} is not installed.\n!!! Install it: ${engine.hint}\n`
        + '!!! (set REQUIRE_BROWSER=1 to make this a failure, as .ci/run does)\n')
      describe.skip(title, () => body(engine))
    }
  }
}
