// The three example apps in each browser engine against the demo's mock (ARCHITECTURE.md, "Tests").
// Each example is driven through the same data-testids (examples/README.md).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { startDemo, type Demo } from '../../scripts/demo-server.mjs'
import { attr, byTestId as testId, click, count, text, waitFor, waitForSelector } from './support/dom'
import { describeEngines, type TestBrowser, type TestPage, type TestProfile } from './support/engines'

const EXAMPLES = ['vanilla', 'vue', 'svelte'] as const
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

describeEngines('the examples', (engine) => {
  let browser: TestBrowser
  let demo: Demo
  let context: TestProfile
  let page: TestPage

  beforeAll(async () => {
    demo = await startDemo({ port: 0 })
    browser = await engine.launch()
  })
  afterAll(async () => {
    await browser?.close()
    await demo?.close()
  })
  beforeEach(async () => {
    context = await browser.newProfile()
    page = await context.newPage()
  })
  afterEach(async () => {
    await context.close()
    await control('/demo/reset', {})
  })

  async function control(path: string, body?: object) {
    const res = await fetch(new URL(path, demo.urls.control), body && {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    })
    expect(res.ok, `${path} answered ${res.status}`).toBe(true)
    return res.json()
  }

  const shows = (selector: string) => waitForSelector(page, selector, 'present', WAIT.timeout)
  const gone = (selector: string) => waitForSelector(page, selector, 'absent', WAIT.timeout)
  async function signIn(example: string, user = 'kp_bob') {
    await page.goto(`${demo.urls[example as 'vue']}?interval=${INTERVAL}`)
    await click(page, testId(`signin-${user}`))
    for (const name of RESOURCES) await shows(testId(`status-${name}`, '[data-source="network"]'))
  }

  describe.each(EXAMPLES)('%s', (example) => {
    test('shows the signed-in user\'s account, fetched live', async () => {
      await signIn(example)
      const { profile } = demo.mock.user('kp_bob')
      expect(await text(page, testId('profile-name'))).toBe(profile.name)
      expect(await text(page, testId('profile-email'))).toBe(profile.email)
      for (const id of ['role-developer', 'permission-manage:webhooks', 'flag-dark_mode', 'property-kp_usr_city',
        'plan-pro', 'entitlement-seats']) {
        await shows(testId(id))
      }
      for (const name of RESOURCES) {
        expect(await attr(page, testId(`status-${name}`), 'data-status')).toBe('ready')
      }
      // The store's derived values, through each binding (Bob: a member with the Pro plan).
      const check = (id: string) => attr(page, testId(id), 'data-value')
      expect(await check('check-flag-dark_mode')).toBe(await attr(page, testId('flag-dark_mode'), 'data-value'))
      expect(await check('check-permission-manage:webhooks')).toBe('true')
      expect(await check('check-role-admin')).toBe('false')
      expect(await check('check-entitlement-sso')).toBe('true')
      expect(await attr(page, testId('session-leader'), 'data-leader')).toBe('true')
      expect(await attr(page, testId('session-online'), 'data-online')).toBe('true')
    })

    test('follows a flag flipped and a permission granted on the control side', async () => {
      await signIn(example)
      const before = await attr(page, testId('flag-dark_mode'), 'data-value')
      const flipped = before !== 'true'
      await control('/demo/flag', { user: 'kp_bob', key: 'dark_mode', value: flipped })
      await control('/demo/permission', { user: 'kp_bob', key: `demo:${example}`, granted: true })
      await shows(testId('flag-dark_mode', `[data-value="${flipped}"]`))
      await shows(testId('check-flag-dark_mode', `[data-value="${flipped}"]`))
      await shows(testId(`permission-demo:${example}`))
      await control('/demo/permission', { user: 'kp_bob', key: `demo:${example}`, granted: false })
      await gone(testId(`permission-demo:${example}`))
    })

    test('shows the 429 countdown, keeps the data, and recovers', async () => {
      await signIn(example)
      await control('/demo/fault', { kind: 'throttle', seconds: 5 })
      await shows(testId('rate-limit'))
      const first = Number(await text(page, testId('rate-limit-countdown')))
      expect(first).toBeGreaterThan(0)
      expect(first).toBeLessThanOrEqual(5)
      await expect.poll(async () => Number(await text(page, testId('rate-limit-countdown'))), WAIT)
        .toBeLessThan(first)
      expect(await text(page, testId('profile-name'))).toBe('Bob Baker')

      await control('/demo/fault', { kind: 'throttle', on: false })
      await gone(testId('rate-limit'))
      for (const name of RESOURCES) await shows(testId(`status-${name}`, '[data-error=""]'))
    })

    test('shows the data from IndexedDB after a reload while the API is down', async () => {
      await signIn(example)
      // Writes are batched: wait until every resource is on disk before pulling the plug.
      await expect.poll(() => page.evaluate(countPersisted), WAIT).toBeGreaterThanOrEqual(RESOURCES.length)
      await control('/demo/fault', { kind: 'down' })
      await page.reload()
      await shows(testId('status-profile', '[data-source="cache"]'))
      expect(await text(page, testId('profile-name'))).toBe('Bob Baker')
      await shows(testId('flag-dark_mode'))
      // The failed revalidation shows beside the cached data.
      await shows(testId('status-profile', '[data-error="server"]'))
      expect(await text(page, testId('profile-name'))).toBe('Bob Baker')
    })

    test('signing out empties the page and the disk; another user can sign in', async () => {
      await signIn(example)
      // The vanilla example shows the picker, then leaves through Kinde's /logout and comes back:
      // checks (and a reload) in between would see the page it is leaving, or race its navigation.
      // So there, wait for the page that came back: a new document, without this mark.
      const leaves = example === 'vanilla'
      if (leaves) await page.evaluate(() => { (window as { __beforeSignOut?: boolean }).__beforeSignOut = true })
      await click(page, testId('signout'))
      await shows(testId('user-picker'))
      if (leaves) {
        await waitFor(page, () => !(window as { __beforeSignOut?: boolean }).__beforeSignOut && document.readyState === 'complete'
          && document.querySelector('[data-testid="user-picker"]') !== null, undefined, WAIT.timeout, 'the page back from Kinde\'s /logout')
      }
      await expect.poll(() => count(page, testId('account')), WAIT).toBe(0)
      await expect.poll(() => count(page, testId('profile-name')), WAIT).toBe(0)
      await expect.poll(() => page.evaluate(countPersisted), WAIT).toBe(0)
      await page.reload()
      await shows(testId('signin-kp_bob'))
      expect(await count(page, testId('account'))).toBe(0)
      // Signing in as someone else shows only their account.
      await click(page, testId('signin-kp_carol'))
      for (const name of ['profile', 'roles']) await shows(testId(`status-${name}`, '[data-source="network"]'))
      expect(await text(page, testId('profile-name'))).toBe(demo.mock.user('kp_carol').profile.name)
      expect(await count(page, testId('role-finance'))).toBe(1)
      expect(await count(page, testId('role-developer'))).toBe(0)
    })
  })
})
