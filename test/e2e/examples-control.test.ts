// The demo as a person uses it: the control page drives two example tabs (Vue and Svelte) of
// one browser, which share one leader that polls while the other follows.
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startDemo, type Demo } from '../../scripts/demo-server.mjs'
import { describeWithBrowser, launchChromium } from './support/browser'

const WAIT = { timeout: 20_000 }
const RESOURCES = ['profile', 'roles', 'permissions', 'featureFlags', 'properties', 'entitlements']

describeWithBrowser('the demo\'s control page', () => {
  let demo: Demo
  let browser: Browser
  let context: BrowserContext
  let control: Page
  let pages: Page[] = []

  beforeAll(async () => {
    demo = await startDemo({ port: 0 })
    browser = await launchChromium()
    context = await browser.newContext()
    control = await context.newPage()
    await control.goto(`${demo.urls.control}?interval=1000`)
  })
  afterEach(async () => {
    // Each test starts with the control page alone, so its first example tab leads.
    await Promise.all(pages.map((page) => page.close()))
    pages = []
  })
  afterAll(async () => {
    await browser?.close()
    await demo?.close()
  })

  async function open(example: 'vanilla' | 'vue' | 'svelte') {
    const page = await context.newPage()
    pages.push(page)
    await page.goto(`${demo.urls[example]}?interval=1000`)
    return page
  }

  const attr = (page: Page, id: string, name: string) => page.getByTestId(id).getAttribute(name)

  test('flips a flag that a leader tab and a follower tab both show; the follower takes over', async () => {
    const leader = await open('vue')
    await leader.getByTestId('signin-kp_carol').click()
    for (const r of RESOURCES) await leader.waitForSelector(`[data-testid="status-${r}"][data-source="network"]`, WAIT)
    // The second tab signs in as the same user by itself (the demo remembers who, not the token).
    const follower = await open('svelte')
    await follower.waitForSelector('[data-testid="status-featureFlags"][data-status="ready"]', WAIT)
    expect(await attr(leader, 'session-leader', 'data-leader')).toBe('true')
    expect(await attr(follower, 'session-leader', 'data-leader')).toBe('false')

    await control.selectOption('[data-testid="control-user"]', 'kp_carol|org_globex')
    const before = await attr(leader, 'flag-csv_export', 'data-value')
    const after = String(before !== 'true')
    await control.getByTestId('control-flag-csv_export').click()
    for (const page of [leader, follower]) {
      await page.waitForSelector(`[data-testid="flag-csv_export"][data-value="${after}"]`, WAIT)
    }
    expect(await attr(follower, 'status-featureFlags', 'data-source')).toBe('tab')

    await leader.close()
    await follower.waitForSelector('[data-testid="session-leader"][data-leader="true"]', WAIT)
    await control.getByTestId('control-flag-csv_export').click()
    await follower.waitForSelector(`[data-testid="flag-csv_export"][data-value="${before}"]`, WAIT)
  })

  test('throttles the API: the page counts down, then recovers when throttling stops', async () => {
    const page = await open('vue')
    await page.getByTestId('account').waitFor(WAIT)
    await control.fill('#throttle-seconds', '3')
    await control.getByTestId('control-throttle').click()
    await control.getByTestId('control-faults').getByText('429').waitFor(WAIT)
    await page.getByTestId('rate-limit').waitFor(WAIT)
    await control.getByText('Stop throttling').click()
    await page.getByTestId('rate-limit').waitFor({ state: 'detached', ...WAIT })
    await page.waitForSelector('[data-testid="status-profile"][data-error=""]', WAIT)
  })

  test('slows the API down: a refresh shows "fetching" beside the data until the answer comes', async () => {
    const page = await open('svelte')
    await page.getByTestId('account').waitFor(WAIT)
    await control.fill('#latency-ms', '3000')
    await control.getByTestId('control-latency').click()
    await control.getByTestId('control-faults').getByText('latency').waitFor(WAIT)
    await page.getByTestId('refresh').click()
    await page.waitForSelector('[data-testid="status-profile"][data-fetching="true"]', WAIT)
    expect(await page.getByTestId('profile-name').count()).toBe(1)
    await control.getByText('Fast again').click()
    await page.waitForSelector('[data-testid="status-profile"][data-fetching="false"][data-error=""]', WAIT)
  })

  test('going offline shows in the session bar and keeps the data', async () => {
    const page = await open('vanilla')
    await page.getByTestId('account').waitFor(WAIT)
    await context.setOffline(true)
    await page.waitForSelector('[data-testid="session-online"][data-online="false"]', WAIT)
    expect(await page.getByTestId('profile-name').count()).toBe(1)
    await context.setOffline(false)
    await page.waitForSelector('[data-testid="session-online"][data-online="true"]', WAIT)
  })
})
