// What the library does where an engine lacks a piece (ARCHITECTURE.md, "Tabs"): without Web
// Locks every tab leads and polls; without BroadcastChannel every tab is on its own. All three
// engines here have both, so each test removes the piece in the page first (as Safari before
// 15.4 lacked both), and checks the fallback in each engine.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startAccountSite, type AccountSite } from './support/account-site'
import { useTabsFixture } from './support/tabs-fixture'
import { describeEngines, type TestPage } from './support/engines'
import { shown, sleep, waitForAll } from './support/page-state'

const INTERVAL = 1000
const WINDOW = 4000

describeEngines('without Web Locks or BroadcastChannel', (engine) => {
  const harness = useTabsFixture(engine)
  let s: AccountSite
  const { cleanups } = harness

  beforeAll(async () => {
    s = await startAccountSite(harness.dir)
  })
  afterAll(async () => { await s?.close() })

  async function twoTabs(query: string): Promise<TestPage[]> {
    const profile = await harness.browser.newProfile()
    cleanups.push(() => profile.close())
    const pages: TestPage[] = []
    for (let i = 0; i < 2; i++) {
      const page = await profile.newPage()
      await page.goto(`${s.url}/?user=kp_alice&interval=${INTERVAL}&${query}`)
      pages.push(page)
    }
    for (const page of pages) await waitForAll(page, 'ready', 'network')
    return pages
  }
  const sentIn = async (pages: TestPage[]) => {
    const before = await Promise.all(pages.map(async (p) => (await shown(p)).session.requests))
    await sleep(WINDOW)
    return Promise.all(pages.map(async (p, i) => (await shown(p)).session.requests - before[i]!))
  }

  test('without Web Locks every tab leads, and each polls for itself', async () => {
    const pages = await twoTabs('locks=0')
    expect(await Promise.all(pages.map((p) => p.evaluate(() => 'locks' in navigator && navigator.locks !== undefined)))).toEqual([false, false])
    expect((await Promise.all(pages.map(shown))).map((st) => st.session.leader)).toEqual([true, true])
    const sent = await sentIn(pages)
    for (const n of sent) expect(n).toBeGreaterThanOrEqual(6) // at least one round of the six resources each
  })

  test('without BroadcastChannel every tab is on its own: it fetches, leads and signs out alone', async () => {
    const pages = await twoTabs('channel=0')
    const states = await Promise.all(pages.map(shown))
    expect(states.map((st) => st.session.leader)).toEqual([true, true])
    for (const st of states) for (const r of Object.values(st.resources)) expect(r.source).toBe('network')
    await pages[0]!.evaluate(() => (window as unknown as { __store: { signOut(o: object): Promise<void> } }).__store.signOut({ revoke: false }))
    await waitForAll(pages[0]!, 'idle')
    await sleep(1000)
    expect((await shown(pages[1]!)).session.status).toBe('signed-in') // nobody told it
  })
})
