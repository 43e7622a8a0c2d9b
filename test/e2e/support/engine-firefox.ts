import { existsSync } from 'node:fs'
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core'
import type { Engine, TestPage, TestProfile } from './engine'

/** FIREFOX_PATH when set (and present), else Debian's /usr/bin/firefox-esr. */
export function findFirefox(): string | undefined {
  const fromEnv = process.env.FIREFOX_PATH
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined
  return existsSync('/usr/bin/firefox-esr') ? '/usr/bin/firefox-esr' : undefined
}

const launchOptions = (userDataDir?: string) => ({
  browser: 'firefox' as const,
  executablePath: findFirefox(),
  headless: true,
  protocol: 'webDriverBiDi' as const,
  ...(userDataDir ? { userDataDir } : {}),
})

function wrapPage(page: Page): TestPage {
  return {
    engine: 'firefox',
    async goto(url) { await page.goto(url) },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async reload() { await page.reload() },
    close: () => page.close(),
  }
}

function wrapContext(context: BrowserContext, closeAlso?: () => Promise<void>): TestProfile {
  return {
    // A window each, not a tab: a background tab is hidden, and hidden tabs do not poll.
    newPage: async () => wrapPage(await context.newPage({ type: 'window' })),
    async close() {
      if (closeAlso) return closeAlso()
      await context.close()
    },
  }
}

/** Firefox ESR through puppeteer-core over WebDriver BiDi (FIREFOX_PATH, then /usr/bin/firefox-esr). */
export const firefoxEngine: Engine = {
  name: 'firefox',
  find: findFirefox,
  hint: 'apt-get install -y firefox-esr (or set FIREFOX_PATH)',
  async launch() {
    const browser: Browser = await puppeteer.launch(launchOptions())
    return {
      engine: 'firefox',
      newProfile: async () => wrapContext(await browser.createBrowserContext()),
      close: () => browser.close(),
    }
  },
  async launchKept(dir) {
    const browser = await puppeteer.launch(launchOptions(dir))
    return wrapContext(browser.defaultBrowserContext(), () => browser.close())
  },
}
