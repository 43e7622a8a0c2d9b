import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { bundlePage } from './bundle'
import { startAccountSite, type AccountSite } from './account-site'
import type { Engine, TestBrowser, TestPage, TestProfile } from './engines'
import { waitForAll, type Shown } from './page-state'

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
    /**
     * A fresh account site and browser profile with `count` tabs of the page at `query`, each
     * showing every resource `ready`; `open` adds another tab of it. All of it is closed after the test.
     */
    async openTabs(query: string, count: number): Promise<{ site: AccountSite; profile: TestProfile; tabs: TestPage[]; open: () => Promise<TestPage> }> {
      const site = await startAccountSite(bundle!.dir)
      cleanups.push(() => site.close())
      const profile = await browser!.newProfile()
      cleanups.push(() => profile.close())
      const open = async () => { const page = await profile.newPage(); await page.goto(`${site.url}/${query}`); return page }
      const tabs: TestPage[] = []
      for (let i = 0; i < count; i++) tabs.push(await open())
      for (const page of tabs) await waitForAll(page, 'ready')
      return { site, profile, tabs, open }
    },
  }
}

/** A tab in the profile's 429 cool-down that shows it: an end to count down to, and the `rate_limited` error. */
export const cooling = (st: Shown): boolean => st.session.rateLimitedUntil !== null && st.resources.profile!.error === 'rate_limited'
