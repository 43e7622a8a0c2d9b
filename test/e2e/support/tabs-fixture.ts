import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { bundlePage } from './bundle'
import type { Engine, TestBrowser } from './engines'

const fixture = (file: string) => fileURLToPath(new URL(`../fixtures/offline-tabs/${file}`, import.meta.url))

/**
 * The suites that drive the offline-tabs fixture page: it is bundled once per suite and one browser
 * of the engine is launched; `cleanups` registered by a test run after it, newest first, and
 * the browser and the bundle go after the suite. Call it inside `describeEngines`.
 */
export function useTabsFixture(engine: Engine) {
  let bundle: Awaited<ReturnType<typeof bundlePage>> | undefined
  let browser: TestBrowser | undefined
  const cleanups: Array<() => Promise<unknown>> = []

  beforeAll(async () => {
    bundle = await bundlePage({ entry: fixture('main.ts'), html: await readFile(fixture('index.html'), 'utf8') })
    browser = await engine.launch()
  })
  afterEach(async () => { for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {}) })
  afterAll(async () => { await browser?.close(); await bundle?.remove() })

  return {
    cleanups,
    /** The folder the bundled page is served from. */
    get dir(): string { return bundle!.dir },
    get browser(): TestBrowser { return browser! },
  }
}
