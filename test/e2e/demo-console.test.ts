// The demo's pages in real Chromium with every host but this machine blocked: they load, show
// data and avatars, and log no console error until a fault is injected from the control page;
// then each example logs one line per failure episode, not one per retry (ARCHITECTURE.md, "Tests").
import { expect, test } from 'vitest'
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core'
import { describeWithBrowser } from './support/browser'
import { useDemoInChromium } from './support/demo-chromium'

const EXAMPLES = ['vanilla', 'vue', 'svelte'] as const
const RESOURCES = ['profile', 'roles', 'permissions', 'featureFlags', 'properties', 'entitlements']
/** refreshInterval of the pages under test, ms: short, so retries and polls pile up quickly. */
const INTERVAL = 1000
/** A bound on every wait; the tests never assert speed. */
const WAIT = { timeout: 30_000 }
/** Chromium's own line for every failed request; no page can silence it (DevTools can hide it). */
const NETWORK_LINE = /^Failed to load resource/

interface Watched {
  context: BrowserContext
  page: Page
  /** Requests to any host but 127.0.0.1: aborted, and listed here. */
  offMachine: string[]
  /** console.error lines and uncaught exceptions, in order. */
  errors: string[]
  infos: string[]
}

describeWithBrowser('the demo with the network to other hosts blocked (Chromium)', () => {
  const chromium = useDemoInChromium()


  async function open(url: string): Promise<Watched> {
    const context = await chromium.browser.newContext()
    const offMachine: string[] = []
    await context.route('**/*', (route) => {
      const { hostname, href } = new URL(route.request().url())
      if (hostname === '127.0.0.1') return route.continue()
      offMachine.push(href)
      return route.abort('internetdisconnected')
    })
    const page = await context.newPage()
    const errors: string[] = []
    const infos: string[] = []
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') errors.push(message.text())
      if (message.type() === 'info') infos.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`))
    await page.goto(url)
    return { context, page, offMachine, errors, infos }
  }

  async function signIn(page: Page, user: string) {
    await page.getByTestId(`signin-${user}`).click()
    for (const r of RESOURCES) {
      await page.waitForSelector(`[data-testid="status-${r}"][data-source="network"][data-fetching="false"]`, WAIT)
    }
  }

  /** Waits until the mock has answered `n` more requests with `status` (retries and polls). */
  async function mockAnswers(status: number, n: number) {
    const start = chromium.demo.mock.requests.filter((r) => r.status === status).length
    await expect.poll(() => chromium.demo.mock.requests.filter((r) => r.status === status).length - start, WAIT)
      .toBeGreaterThanOrEqual(n)
  }

  test('the control page loads and follows a user without a console error or a request off the machine', async () => {
    const control = await open(chromium.demo.urls.control)
    try {
      // its request list polls every second: count the polls answered rather than sleep for them
      let polls = 0
      control.page.on('response', (response) => { if (new URL(response.url()).pathname === '/demo/requests') polls++ })
      await control.page.selectOption('[data-testid="control-user"]', 'kp_alice|org_acme')
      await control.page.waitForSelector('#flags li', WAIT)
      const start = polls
      // let it poll a few times (a third answer means the second one's rendering had a second to run)
      await expect.poll(() => polls - start, WAIT).toBeGreaterThanOrEqual(3)
      expect(control.errors).toEqual([])
      expect(control.offMachine).toEqual([])
    } finally {
      await control.context.close()
    }
  })

  for (const name of EXAMPLES) {
    test(`${name}: no console error and nothing off the machine until a fault; then one line per failure episode`, async () => {
      const app = await open(`${chromium.demo.urls[name]}?interval=${INTERVAL}`)
      const control = await open(chromium.demo.urls.control)
      try {
        // The picker shows the users' avatars; then Alice's account, avatar included, polling.
        await app.page.waitForSelector('[data-testid="signin-kp_alice"] img', WAIT)
        await signIn(app.page, 'kp_alice')
        // An <img> loads after it is inserted: wait until it is done (loaded or broken), then check it loaded.
        const avatar = app.page.locator('.profile .avatar img')
        await app.page.waitForFunction(() => document.querySelector<HTMLImageElement>('.profile .avatar img')?.complete === true, null, WAIT)
        const avatarLoaded = await avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)
        expect(avatarLoaded).toBe(true)
        await mockAnswers(200, 2 * RESOURCES.length) // at least two more polls, all answered
        expect(app.errors).toEqual([])
        expect(app.offMachine).toEqual([])

        // Episode 1: the control page takes the API down; retries and polls keep failing.
        await control.page.getByTestId('control-down').click()
        await app.page.waitForSelector('[data-testid="status-roles"][data-error="server"]', WAIT)
        await mockAnswers(503, 4 * RESOURCES.length)
        const own = () => app.errors.filter((line) => !NETWORK_LINE.test(line))
        expect(own()).toHaveLength(1)
        expect(own()[0]).toMatch(/^\[demo\] The Account API is failing \(server 503 on GET \//)
        // The browser's own network lines are there (one per failed request), but nothing else.
        expect(app.errors.filter((line) => NETWORK_LINE.test(line)).length).toBeGreaterThan(0)

        // Back up: the episode ends with one info line, and no error line.
        await control.page.getByTestId('control-up').click()
        for (const r of RESOURCES) await app.page.waitForSelector(`[data-testid="status-${r}"][data-error=""]`, WAIT)
        await expect.poll(() => app.infos.filter((l) => l.startsWith('[demo] The Account API answers again')).length, WAIT).toBe(1)
        expect(own()).toHaveLength(1)

        // Episode 2: a new line, once.
        await control.page.getByTestId('control-down').click()
        await mockAnswers(503, 2 * RESOURCES.length)
        await expect.poll(() => own().length, WAIT).toBe(2)
        await mockAnswers(503, 2 * RESOURCES.length)
        expect(own()).toHaveLength(2)
        expect(app.offMachine).toEqual([])
        expect(app.errors.filter((line) => line.startsWith('uncaught'))).toEqual([])
      } finally {
        await control.page.getByTestId('control-up').click().catch(() => {})
        await app.context.close()
        await control.context.close()
      }
    })
  }
})
