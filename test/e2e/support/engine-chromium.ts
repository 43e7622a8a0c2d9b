import type { Browser, BrowserContext, Page } from 'playwright-core'
import { findChromium, launchChromium, launchPersistent } from './browser'
import type { Engine, TestPage, TestProfile } from './engine'

function wrapPage(page: Page): TestPage {
  return {
    engine: 'chromium',
    native: page,
    async goto(url) { await page.goto(url) },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async reload() { await page.reload() },
    close: () => page.close(),
  }
}

function wrapContext(context: BrowserContext, closeAlso?: () => Promise<void>): TestProfile {
  let first: Page | undefined = context.pages()[0]
  return {
    native: context,
    async newPage() {
      // a persistent context opens with one blank page: use it rather than leave it around
      const page = first ?? (await context.newPage())
      first = undefined
      page.on('pageerror', (error) => console.warn(`[chromium page error] ${error.message}`))
      return wrapPage(page)
    },
    async close() { await context.close(); await closeAlso?.() },
  }
}

/** Chromium through playwright-core (CHROMIUM_PATH, then /usr/bin/chromium). */
export const chromiumEngine: Engine = {
  name: 'chromium',
  find: findChromium,
  hint: 'apt-get install -y chromium (or set CHROMIUM_PATH)',
  async launch() {
    const browser: Browser = await launchChromium()
    return {
      engine: 'chromium',
      newProfile: async () => wrapContext(await browser.newContext()),
      close: () => browser.close(),
    }
  },
  launchKept: async (dir) => wrapContext(await launchPersistent(dir)),
}
