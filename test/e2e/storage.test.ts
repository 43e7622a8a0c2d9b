// Storage as it really fails, in each engine (ARCHITECTURE.md, "Persistence"): IndexedDB blocked
// by another connection at an old version, full (QuotaExceededError), or unavailable as in a
// private mode. Each time the store keeps working from memory, says so (`session.persisted ===
// false`), and shows all its data.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startAccountSite, type AccountSite } from './support/account-site'
import { waitFor } from './support/dom'
import { useTabsFixture } from './support/tabs-fixture'
import { describeEngines, type TestPage, type TestProfile } from './support/engines'
import { shown, waitForAll } from './support/page-state'


describeEngines('storage that fails', (engine) => {
  const harness = useTabsFixture(engine)
  let s: AccountSite
  const { cleanups } = harness

  beforeAll(async () => {
    s = await startAccountSite(harness.dir)
  })
  afterAll(async () => { await s?.close() })

  async function profile(): Promise<TestProfile> {
    const p = await harness.browser.newProfile()
    cleanups.push(() => p.close())
    return p
  }
  async function open(p: TestProfile, query: string): Promise<TestPage> {
    const page = await p.newPage()
    await page.goto(`${s.url}/?user=kp_alice&${query}`)
    return page
  }

  let seen: Awaited<ReturnType<typeof shown>> | undefined
  async function reference() {
    if (!seen) {
      const page = await open(await profile(), '')
      await waitForAll(page, 'ready', 'network')
      seen = await shown(page)
    }
    return seen
  }

  /**
   * All six resources from the network, complete, and the session saying nothing is on disk.
   * `never`: an engine that never answered (blocked, unavailable, missing) is not called persisted
   * even for a moment; a full one answers reads first, and says so once its first write fails.
   */
  async function worksFromMemory(page: TestPage, never = true) {
    await waitForAll(page, 'ready', 'network')
    // The verdict on a full disk comes with the batched write. Wait for it rather than for a time.
    await waitFor(page, () => document.getElementById('session')!.dataset.persisted === 'false', undefined, 10_000, 'session.persisted false')
    const st = await shown(page)
    expect(st.session.persisted).toBe(false)
    if (never) expect(await page.evaluate(() => document.getElementById('session')!.dataset.persistedSeen, undefined)).toBe('false')
    // the same data as a tab whose storage works
    for (const [name, r] of Object.entries((await reference()).resources)) expect(st.resources[name]!.count).toBe(r.count)
    for (const r of Object.values(st.resources)) expect(r).toMatchObject({ status: 'ready', source: 'network', error: '' })
    // and a refresh still works: the store is not broken, only not durable
    await page.evaluate(() => (window as unknown as { __store: { refresh(): Promise<void> } }).__store.refresh())
    expect((await shown(page)).resources.profile!.status).toBe('ready')
  }

  test('control: with working IndexedDB the session says persisted', async () => {
    const page = await open(await profile(), '')
    await waitForAll(page, 'ready', 'network')
    seen = await shown(page)
    await waitFor(page, () => document.getElementById('session')!.dataset.persisted === 'true', undefined, 10_000, 'persisted')
  })

  test('blocked: another tab holds the database open at an old version and ignores versionchange', async () => {
    const p = await profile()
    const holder = await open(p, 'mode=hold-old-db')
    await waitFor(holder, () => document.getElementById('session')!.dataset.status === 'holding', undefined, 10_000, 'the old connection')
    const page = await open(p, '')
    await worksFromMemory(page)
    // the old connection is still there, and the database still has no store: nothing got past the block
    expect(await holder.evaluate(() => (window as unknown as { __held: IDBDatabase }).__held.objectStoreNames.length)).toBe(0)
  })

  test('full: every write fails with QuotaExceededError', async () => {
    const page = await open(await profile(), 'storage=full')
    await worksFromMemory(page, false)
  })

  if (engine.name === 'chromium') {
    // Only Chromium lets a test set an origin's real quota (CDP); the others get the stub above.
    test('full, for real: an origin quota of a few bytes (CDP Storage.overrideQuotaForOrigin)', async () => {
      const p = await profile()
      const page = await p.newPage()
      await page.goto(`${s.url}/index.html?mode=none`) // the origin, without the store yet
      const cdp = await (p.native as import('playwright-core').BrowserContext).newCDPSession(page.native as import('playwright-core').Page)
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: s.url, quotaSize: 64 })
      await page.goto(`${s.url}/?user=kp_alice`)
      await worksFromMemory(page, false)
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: s.url })
    })
  }

  test('unavailable: indexedDB.open throws, as in a private mode', async () => {
    const page = await open(await profile(), 'storage=unavailable')
    await worksFromMemory(page)
  })

  test('missing: no indexedDB at all', async () => {
    const page = await open(await profile(), 'storage=missing')
    await worksFromMemory(page)
  })
})
