// The React example in real Chromium against the demo's mock, driven through the same
// data-testids as the other three (examples/README.md; test/e2e/examples.test.ts runs those).
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { describeWithBrowser } from './support/browser'
import { useDemoInChromium } from './support/demo-chromium'

const EXAMPLES = ['react'] as const
const RESOURCES = ['profile', 'roles', 'permissions', 'featureFlags', 'properties', 'entitlements']
/** refreshInterval of the pages under test, ms. */
const INTERVAL = 1000
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

describeWithBrowser('the React example in Chromium', () => {
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

  const testId = (id: string, attrs = '') => `[data-testid="${id}"]${attrs}`

  async function signIn(example: string, user = 'kp_bob') {
    await page.goto(`${chromium.demo.urls[example as 'vue']}?interval=${INTERVAL}`)
    await page.getByTestId(`signin-${user}`).click()
    for (const name of RESOURCES) await page.waitForSelector(testId(`status-${name}`, '[data-source="network"]'), WAIT)
  }

  describe.each(EXAMPLES)('%s', (example) => {
    test('shows the signed-in user\'s account, fetched live', async () => {
      await signIn(example)
      const { profile } = chromium.demo.mock.user('kp_bob')
      expect(await page.getByTestId('profile-name').textContent()).toBe(profile.name)
      expect(await page.getByTestId('profile-email').textContent()).toBe(profile.email)
      for (const id of ['role-developer', 'permission-manage:webhooks', 'flag-dark_mode', 'property-kp_usr_city',
        'plan-pro', 'entitlement-seats']) {
        await page.getByTestId(id).waitFor(WAIT)
      }
      for (const name of RESOURCES) {
        expect(await page.getByTestId(`status-${name}`).getAttribute('data-status')).toBe('ready')
      }
      // The store's derived values, through each binding (Bob: a member with the Pro plan).
      const check = (id: string) => page.getByTestId(id).getAttribute('data-value')
      expect(await check('check-flag-dark_mode')).toBe(await page.getByTestId('flag-dark_mode').getAttribute('data-value'))
      expect(await check('check-permission-manage:webhooks')).toBe('true')
      expect(await check('check-role-admin')).toBe('false')
      expect(await check('check-entitlement-sso')).toBe('true')
      expect(await page.getByTestId('session-leader').getAttribute('data-leader')).toBe('true')
      expect(await page.getByTestId('session-online').getAttribute('data-online')).toBe('true')
    })

    test('follows a flag flipped and a permission granted on the control side', async () => {
      await signIn(example)
      const before = await page.getByTestId('flag-dark_mode').getAttribute('data-value')
      const flipped = before !== 'true'
      await control('/demo/flag', { user: 'kp_bob', key: 'dark_mode', value: flipped })
      await control('/demo/permission', { user: 'kp_bob', key: `demo:${example}`, granted: true })
      await page.waitForSelector(testId('flag-dark_mode', `[data-value="${flipped}"]`), WAIT)
      await page.waitForSelector(testId('check-flag-dark_mode', `[data-value="${flipped}"]`), WAIT)
      await page.getByTestId(`permission-demo:${example}`).waitFor(WAIT)
      await control('/demo/permission', { user: 'kp_bob', key: `demo:${example}`, granted: false })
      await page.getByTestId(`permission-demo:${example}`).waitFor({ state: 'detached', ...WAIT })
    })

    test('shows the 429 countdown, keeps the data, and recovers', async () => {
      await signIn(example)
      await control('/demo/fault', { kind: 'throttle', seconds: 5 })
      await page.getByTestId('rate-limit').waitFor(WAIT)
      const first = Number(await page.getByTestId('rate-limit-countdown').textContent())
      expect(first).toBeGreaterThan(0)
      expect(first).toBeLessThanOrEqual(5)
      await expect.poll(async () => Number(await page.getByTestId('rate-limit-countdown').textContent()), WAIT)
        .toBeLessThan(first)
      expect(await page.getByTestId('profile-name').textContent()).toBe('Bob Baker')

      await control('/demo/fault', { kind: 'throttle', on: false })
      await page.getByTestId('rate-limit').waitFor({ state: 'detached', ...WAIT })
      for (const name of RESOURCES) await page.waitForSelector(testId(`status-${name}`, '[data-error=""]'), WAIT)
    })

    test('shows the data from IndexedDB after a reload while the API is down', async () => {
      await signIn(example)
      // Writes are batched: wait until every resource is on disk before pulling the plug.
      await expect.poll(() => page.evaluate(countPersisted), WAIT).toBeGreaterThanOrEqual(RESOURCES.length)
      await control('/demo/fault', { kind: 'down' })
      await page.reload()
      await page.waitForSelector(testId('status-profile', '[data-source="cache"]'), WAIT)
      expect(await page.getByTestId('profile-name').textContent()).toBe('Bob Baker')
      await page.getByTestId('flag-dark_mode').waitFor(WAIT)
      // The failed revalidation shows beside the cached data.
      await page.waitForSelector(testId('status-profile', '[data-error="server"]'), WAIT)
      expect(await page.getByTestId('profile-name').textContent()).toBe('Bob Baker')
    })

    test('signing out empties the page and the disk; another user can sign in', async () => {
      await signIn(example)
      await page.getByTestId('signout').click()
      await page.getByTestId('user-picker').waitFor(WAIT)
      expect(await page.getByTestId('account').count()).toBe(0)
      expect(await page.getByTestId('profile-name').count()).toBe(0)
      await expect.poll(() => page.evaluate(countPersisted), WAIT).toBe(0)
      await page.reload()
      await page.getByTestId('signin-kp_bob').waitFor(WAIT)
      expect(await page.getByTestId('account').count()).toBe(0)
      // Signing in as someone else shows only their account.
      await page.getByTestId('signin-kp_carol').click()
      for (const name of ['profile', 'roles']) await page.waitForSelector(testId(`status-${name}`, '[data-source="network"]'), WAIT)
      expect(await page.getByTestId('profile-name').textContent()).toBe(chromium.demo.mock.user('kp_carol').profile.name)
      expect(await page.getByTestId('role-finance').count()).toBe(1)
      expect(await page.getByTestId('role-developer').count()).toBe(0)
    })
  })
})
