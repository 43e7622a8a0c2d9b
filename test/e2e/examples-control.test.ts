// The demo as a person uses it: the control page drives two example tabs (Vue and Svelte) of
// one browser, which share one leader that polls while the other follows. In every engine.
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import type { BrowserContext } from 'playwright-core'
import { startDemo, type Demo } from '../../scripts/demo-server.mjs'
import { attr, byTestId, click, clickText, fill, waitFor, waitForSelector } from './support/dom'
import { describeEngines, type TestBrowser, type TestPage, type TestProfile } from './support/engines'

const WAIT = 20_000
/** What the stale-answer test keeps on the control page's window: answers held back, and each redraw of the flags. */
type Probe = { __held: number; __draws: string[] }
const RESOURCES = ['profile', 'roles', 'permissions', 'featureFlags', 'properties', 'entitlements']

describeEngines('the demo\'s control page', (engine) => {
  let demo: Demo
  let browser: TestBrowser
  let context: TestProfile
  let control: TestPage
  let pages: TestPage[] = []

  beforeAll(async () => {
    demo = await startDemo({ port: 0 })
    browser = await engine.launch()
    context = await browser.newProfile()
    control = await context.newPage()
    await control.goto(`${demo.urls.control}?interval=1000`)
  })
  afterEach(async () => {
    // Each test starts with the control page alone, so its first example tab leads.
    for (const page of pages) await page.close()
    pages = []
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await demo?.close()
  })

  async function open(example: 'vanilla' | 'vue' | 'svelte') {
    const page = await context.newPage()
    pages.push(page)
    await page.goto(`${demo.urls[example]}?interval=1000`)
    return page
  }

  const shows = (page: TestPage, selector: string) => waitForSelector(page, selector, 'present', WAIT)
  const gone = (page: TestPage, selector: string) => waitForSelector(page, selector, 'absent', WAIT)
  /** Marks the control page's flag buttons, so that flagButtonShows() waits for ones rendered later. */
  const markFlagButtons = () => control.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('[data-testid^="control-flag-"]')) el.dataset.before = 'true'
  })
  /** Waits for an unmarked csv_export button, drawn for kp_carol, on the control page that shows `value` ('true': on). */
  const flagButtonShows = (value: string | null) => waitFor(control, (on) => {
    const button = document.querySelector<HTMLElement>('[data-testid="control-flag-csv_export"]')
    const forCarol = document.querySelector<HTMLElement>('#flags')?.dataset.user === 'kp_carol|org_globex'
    return forCarol && button !== null && button.dataset.before === undefined && button.textContent === (on ? 'on' : 'off')
  }, value === 'true', WAIT, `the control page's csv_export button for kp_carol, ${value === 'true' ? 'on' : 'off'}`)
  const faultShown = (label: string) => waitFor(control, (l) => (document.querySelector('[data-testid="control-faults"]')?.textContent ?? '').includes(l), label, WAIT, `fault "${label}" on the control page`)

  test('flips a flag that a leader tab and a follower tab both show; the follower takes over', async () => {
    const leader = await open('vue')
    await click(leader, byTestId('signin-kp_carol'))
    for (const r of RESOURCES) await shows(leader, `[data-testid="status-${r}"][data-source="network"]`)
    // The second tab signs in as the same user by itself (the demo remembers who, not the token).
    const follower = await open('svelte')
    await shows(follower, '[data-testid="status-featureFlags"][data-status="ready"]')
    expect(await attr(leader, byTestId('session-leader'), 'data-leader')).toBe('true')
    expect(await attr(follower, byTestId('session-leader'), 'data-leader')).toBe('false')

    const before = await attr(leader, byTestId('flag-csv_export'), 'data-value')
    const after = String(before !== 'true')
    // The control page's flag buttons act for the user they were rendered for: after choosing
    // Carol, wait for her buttons (the old user's stay until her state arrives), showing her value.
    await markFlagButtons()
    await fill(control, '[data-testid="control-user"]', 'kp_carol|org_globex')
    await flagButtonShows(before)
    await click(control, byTestId('control-flag-csv_export'))
    for (const page of [leader, follower]) await shows(page, `[data-testid="flag-csv_export"][data-value="${after}"]`)
    expect(await attr(follower, byTestId('status-featureFlags'), 'data-source')).toBe('tab')

    await leader.close()
    pages = pages.filter((p) => p !== leader)
    await shows(follower, '[data-testid="session-leader"][data-leader="true"]')
    // the button flips to the value it was rendered with: wait for the one rendered after the first flip
    await flagButtonShows(after)
    await click(control, byTestId('control-flag-csv_export'))
    await shows(follower, `[data-testid="flag-csv_export"][data-value="${before}"]`)
  })

  test('throttles the API: the page counts down, then recovers when throttling stops', async () => {
    const page = await open('vue')
    await shows(page, byTestId('account'))
    await fill(control, '#throttle-seconds', '3')
    await click(control, byTestId('control-throttle'))
    await faultShown('429')
    await shows(page, byTestId('rate-limit'))
    await clickText(control, 'Stop throttling')
    await gone(page, byTestId('rate-limit'))
    await shows(page, '[data-testid="status-profile"][data-error=""]')
  })

  test('slows the API down: a refresh shows "fetching" beside the data until the answer comes', async () => {
    const page = await open('svelte')
    await shows(page, byTestId('account'))
    // the profile must be on the page before the API slows down: the account card shows while it
    // still loads, and a first load under latency is also "fetching", with no data beside it
    await shows(page, byTestId('profile-name'))
    await fill(control, '#latency-ms', '3000')
    await click(control, byTestId('control-latency'))
    await faultShown('latency')
    await click(page, byTestId('refresh'))
    await shows(page, '[data-testid="status-profile"][data-fetching="true"]')
    expect(await page.evaluate(() => document.querySelectorAll('[data-testid="profile-name"]').length)).toBe(1)
    await clickText(control, 'Fast again')
    await shows(page, '[data-testid="status-profile"][data-fetching="false"][data-error=""]')
  })

  test("an answer about the user chosen before never redraws the buttons of the one chosen now (they act for their user)", async () => {
    // The list says whose flags it shows: both users have a csv_export flag, so its text does not.
    const ALICE = 'kp_alice|org_acme'
    const CAROL = 'kp_carol|org_globex'
    await fill(control, '[data-testid="control-user"]', ALICE)
    await waitFor(control, (who) => document.querySelector<HTMLElement>('#flags')?.dataset.user === who, ALICE, WAIT, "kp_alice's flags")
    // Hold the next answers about kp_alice back 1.5 s, and log whose flags each redraw shows.
    await control.evaluate(() => {
      const w = window as unknown as Probe
      w.__held = 0
      w.__draws = []
      const original = window.fetch.bind(window)
      window.fetch = (input, init) => String(input).includes('user=kp_alice')
        ? new Promise((resolve) => setTimeout(resolve, 1500)).then(() => original(input, init)).finally(() => { w.__held++ })
        : original(input, init)
      const list = document.querySelector<HTMLElement>('#flags')!
      new MutationObserver(() => w.__draws.push(list.dataset.user ?? '')).observe(list, { childList: true })
    })
    await fill(control, '[data-testid="control-user"]', ALICE) // a refresh for her, held back
    await fill(control, '[data-testid="control-user"]', CAROL)
    // Wait past the held answer, until a redraw after it (the page refreshes every 3 s).
    await waitFor(control, () => (window as unknown as Probe).__held >= 1, undefined, WAIT, 'the held answer about kp_alice')
    const drawnBefore = await control.evaluate(() => (window as unknown as Probe).__draws.length)
    await waitFor(control, (n) => (window as unknown as Probe).__draws.length > n, drawnBefore, WAIT, 'a redraw after it')
    const draws = await control.evaluate(() => (window as unknown as Probe).__draws)
    const carolFrom = draws.indexOf(CAROL)
    expect(carolFrom).toBeGreaterThanOrEqual(0) // kp_carol's flags were drawn
    expect(draws.slice(carolFrom)).not.toContain(ALICE) // and kp_alice's never again after them
  })

  // Network emulation for one profile: playwright's setOffline (CDP); neither BiDi in Firefox ESR
  // nor WebKitWebDriver offers it, so this one stays in Chromium.
  if (engine.name === 'chromium') {
    test('going offline shows in the session bar and keeps the data', async () => {
      const page = await open('vanilla')
      await shows(page, byTestId('account'))
      // the data must be on the page before going offline, or there is nothing for "keeps" to keep
      // (the account card can show while the profile is still loading)
      await shows(page, byTestId('profile-name'))
      const native = context.native as BrowserContext
      await native.setOffline(true)
      await shows(page, '[data-testid="session-online"][data-online="false"]')
      expect(await page.evaluate(() => document.querySelectorAll('[data-testid="profile-name"]').length)).toBe(1)
      await native.setOffline(false)
      await shows(page, '[data-testid="session-online"][data-online="true"]')
    })
  }
})
