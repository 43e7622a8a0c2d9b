// The devtools panel in real Chromium, opened from the React example of the demo: live resource
// rows, the session, the cool-down countdown, refresh, clear cache, and (where the store has
// inspect()) the disk entries and the offline simulation.
import { afterEach, beforeEach, expect, test } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { describeWithBrowser } from './support/browser'
import { useDemoInChromium } from './support/demo-chromium'

const RESOURCES = ['profile', 'roles', 'permissions', 'featureFlags', 'properties', 'entitlements']
/** A bound on every wait; the tests never assert speed. */
const WAIT = { timeout: 20_000 }

/** How many entries the library has in IndexedDB (0 when the database does not exist yet). */
const countPersisted = () => new Promise<number>((resolve) => {
  void indexedDB.databases().then((dbs) => {
    if (!dbs.some((db) => db.name === 'kinde-account-sync')) return resolve(0)
    const open = indexedDB.open('kinde-account-sync')
    open.onerror = () => resolve(0)
    open.onsuccess = () => {
      const db = open.result
      if (!db.objectStoreNames.contains('entries')) return (db.close(), resolve(0))
      const count = db.transaction('entries').objectStore('entries').count()
      count.onsuccess = () => (db.close(), resolve(count.result))
    }
  })
})

describeWithBrowser('the devtools panel in Chromium', () => {
  const chromium = useDemoInChromium()
  let context: BrowserContext
  let page: Page

  beforeEach(async () => {
    context = await chromium.browser.newContext()
    page = await context.newPage()
  })
  afterEach(async () => {
    await context.close()
    await control('/demo/reset', {})
  })

  async function control(path: string, body?: object) {
    const res = await fetch(new URL(path, chromium.demo.urls.control), body && {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    })
    expect(res.ok, `${path} answered ${res.status}`).toBe(true)
    return res.json()
  }

  /** Playwright's CSS and test-id selectors reach into the panel's open shadow root. */
  const row = (id: string, attrs = '') => `[data-testid="${id}"]${attrs}`

  async function openWithBob(interval: number) {
    await page.goto(`${chromium.demo.urls.react}?interval=${interval}`)
    await page.getByTestId('signin-kp_bob').click()
    await page.getByTestId('devtools-toggle').click()
    await page.getByTestId('devtools-panel').waitFor(WAIT)
    for (const name of RESOURCES) await page.waitForSelector(row(`devtools-resource-${name}`, '[data-source="network"][data-status="ready"]'), WAIT)
  }

  test('loads on demand and shows each resource and the session, live', async () => {
    await page.goto(`${chromium.demo.urls.react}?interval=1000`)
    expect(await page.locator('kinde-account-devtools').count()).toBe(0)
    await page.getByTestId('signin-kp_bob').click()
    await page.getByTestId('devtools-toggle').click()
    for (const name of RESOURCES) await page.waitForSelector(row(`devtools-resource-${name}`, '[data-source="network"]'), WAIT)
    const session = page.getByTestId('devtools-session')
    expect(await session.getAttribute('data-user')).toBe('kp_bob')
    expect(await session.getAttribute('data-leader')).toBe('true')
    expect(await session.getAttribute('data-online')).toBe('true')

    // A slow API makes the refresh visible as `fetching`, then done.
    await control('/demo/fault', { kind: 'latency', ms: 1500 })
    await page.getByTestId('devtools-refresh-profile').click()
    await page.waitForSelector(row('devtools-resource-profile', '[data-fetching="true"]'), WAIT)
    await page.waitForSelector(row('devtools-resource-profile', '[data-fetching="false"]'), WAIT)

    await page.getByTestId('devtools-toggle').click()
    await page.locator('kinde-account-devtools').waitFor({ state: 'detached', ...WAIT })
  })

  test('shows the 429 cool-down counting down, and the error on each resource', async () => {
    await openWithBob(1000)
    await control('/demo/fault', { kind: 'throttle', seconds: 5 })
    await page.getByTestId('devtools-refresh-all').click()
    await page.getByTestId('devtools-cooldown').waitFor(WAIT)
    const first = Number(await page.getByTestId('devtools-cooldown').getAttribute('data-seconds'))
    expect(first).toBeGreaterThan(0)
    await expect.poll(async () => Number(await page.getByTestId('devtools-cooldown').getAttribute('data-seconds')), WAIT)
      .toBeLessThan(first)
    await page.waitForSelector(row('devtools-resource-profile', '[data-error="rate_limited"]'), WAIT)
    await control('/demo/fault', { kind: 'throttle', on: false })
    await page.getByTestId('devtools-cooldown').waitFor({ state: 'detached', ...WAIT })
    await page.waitForSelector(row('devtools-resource-profile', '[data-error=""]'), WAIT)
  })

  test('clear cache empties IndexedDB; disk entries and offline simulation where the store has inspect()', async () => {
    // A long interval: nothing is fetched (and written) again behind the test's back.
    await openWithBob(600_000)
    await expect.poll(() => page.evaluate(countPersisted), WAIT).toBeGreaterThanOrEqual(RESOURCES.length)
    const disk = page.getByTestId('devtools-disk')
    const offline = page.getByTestId('devtools-offline')
    if ((await disk.getAttribute('data-state')) === 'unavailable') {
      // A core without inspect(): the panel says so and its offline switch is off.
      expect(await offline.isDisabled()).toBe(true)
      expect(await page.getByTestId('devtools-derived').getAttribute('data-state')).toBe('unavailable')
    } else {
      for (const name of RESOURCES) await page.getByTestId(`devtools-disk-${name}`).waitFor(WAIT)
      expect(Number(await disk.getAttribute('data-bytes'))).toBeGreaterThan(0)
      await offline.click()
      await page.waitForSelector(row('devtools-session', '[data-online="false"]'), WAIT)
      await page.waitForSelector(row('session-online', '[data-online="false"]'), WAIT)
      await offline.click()
      await page.waitForSelector(row('devtools-session', '[data-online="true"]'), WAIT)
    }
    await page.getByTestId('devtools-clear-cache').click()
    await expect.poll(() => page.evaluate(countPersisted), WAIT).toBe(0)
    if ((await disk.getAttribute('data-state')) !== 'unavailable') {
      await page.waitForSelector(row('devtools-disk', '[data-state="empty"]'), WAIT)
    }
  })
})
