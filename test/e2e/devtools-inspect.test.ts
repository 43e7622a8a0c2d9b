// The panel's inspect() sections in real Chromium: derived values with their sources, disk
// entries, the offline switch, and no listener left once closed. The page's store is real; its
// inspect() is a stand-in the test drives (fixtures/devtools-inspect/main.ts).
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { DerivedEntry, DiskEntry } from 'kinde-account-sync/devtools'
import { describeWithBrowser, launchChromium } from './support/browser'
import { bundlePage } from './support/bundle'
import { serveStatic } from './support/static-server'

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/devtools-inspect/${name}`, import.meta.url))
const WAIT = { timeout: 20_000 }

interface PageApi {
  setDerived(rows: DerivedEntry[]): void
  setDisk(rows: DiskEntry[]): void
  offline(): Array<boolean | null>
  listeners(): number
  destroy(): void
  remount(): void
}
declare const devtoolsPage: PageApi

describeWithBrowser('the devtools panel\'s inspect() sections in Chromium', () => {
  let browser: Browser
  let bundle: Awaited<ReturnType<typeof bundlePage>>
  let site: Awaited<ReturnType<typeof serveStatic>>
  let page: Page

  beforeAll(async () => {
    bundle = await bundlePage({ entry: fixture('main.ts'), html: await readFile(fixture('index.html'), 'utf8') })
    site = await serveStatic({ root: bundle.dir })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
    await bundle?.remove()
  })
  beforeEach(async () => {
    page = await browser.newPage()
    await page.goto(site.url)
    await page.waitForSelector('body[data-ready="true"]', WAIT)
  })
  afterEach(() => page?.close())

  test('derived values and disk entries, live; the offline switch; nothing left listening once closed', async () => {
    await page.evaluate(() => devtoolsPage.setDisk([
      { key: 'v1|https://x.kinde.com|kp_bob|org_acme|profile', resource: 'profile', bytes: 812, updatedAt: Date.now() },
      { key: 'v1|https://x.kinde.com|kp_bob|org_acme|roles', resource: 'roles', bytes: 240, updatedAt: Date.now() },
    ]))
    await page.getByTestId('devtools-open').click()
    await page.waitForSelector('[data-testid="devtools-disk"][data-state="ready"][data-bytes="1052"]', WAIT)
    expect(await page.getByTestId('devtools-disk-roles').getAttribute('data-bytes')).toBe('240')
    expect(await page.getByTestId('devtools-session').getAttribute('data-status')).toBe('signed-out')

    await page.evaluate(() => devtoolsPage.setDerived([
      { kind: 'flag', key: 'dark_mode', value: true, from: 'claims' },
      { kind: 'role', key: 'admin', value: false, from: 'fallback' },
    ]))
    await page.waitForSelector('[data-testid="devtools-derived-flag-dark_mode"][data-from="claims"]', WAIT)
    expect(await page.getByTestId('devtools-derived-role-admin').getAttribute('data-from')).toBe('fallback')
    await page.evaluate(() => devtoolsPage.setDerived([{ kind: 'flag', key: 'dark_mode', value: true, from: 'network' }]))
    await page.waitForSelector('[data-testid="devtools-derived-flag-dark_mode"][data-from="network"]', WAIT)
    await page.getByTestId('devtools-derived-role-admin').waitFor({ state: 'detached', ...WAIT })

    await page.getByTestId('devtools-offline').click()
    await page.waitForSelector('[data-testid="devtools-offline"][data-simulated="true"]', WAIT)
    await page.getByTestId('devtools-offline').click()
    await page.waitForSelector('[data-testid="devtools-offline"][data-simulated="false"]', WAIT)
    expect(await page.evaluate(() => devtoolsPage.offline())).toEqual([true, null])

    expect(await page.evaluate(() => devtoolsPage.listeners())).toBe(1)
    await page.getByTestId('devtools-close').click()
    await page.getByTestId('devtools-open').waitFor(WAIT)
    expect(await page.evaluate(() => devtoolsPage.listeners())).toBe(0)
  })

  test('destroying the panel ends the offline simulation it started', async () => {
    await page.evaluate(() => (devtoolsPage.destroy(), devtoolsPage.remount()))
    await page.getByTestId('devtools-offline').click()
    await page.waitForSelector('[data-testid="devtools-offline"][data-simulated="true"]', WAIT)
    await page.evaluate(() => devtoolsPage.destroy())
    expect(await page.locator('kinde-account-devtools').count()).toBe(0)
    expect(await page.evaluate(() => devtoolsPage.offline())).toEqual([true, null])
  })
})
