/**
 * Kinde's real browser SDKs (from npm, pinned) sign in against the mock's OAuth endpoints in
 * Chromium, and the store follows them through fromKinde(): @kinde-oss/kinde-auth-pkce-js 4.5.1,
 * @kinde/js-utils 0.32.1 (the session manager every Kinde browser SDK is built on) and
 * @kinde-oss/kinde-auth-react 5.13.1 (React 19).
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { createMockAccountApi, type MockAccountApi } from 'kinde-account-sync/mock'
import { describeWithBrowser, launchChromium } from './support/browser'
import { bundlePage } from './support/bundle'
import { idbKeys, until } from './support/page-state'
import { serveStatic } from './support/static-server'
import type { KindeLog } from './fixtures/kinde-common/page'

const fixture = (path: string) => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url))
const INTERVAL = 1000
const CLIENT_ID = 'e2e_spa'

/** Per SDK: the fixture, and an expires_in short enough to see that SDK refresh within a test. */
const SDKS = [
  // pkce-js refreshes inside getAccessToken() once a token is within 30 s of expiry: 40 s → after 10 s.
  { name: '@kinde-oss/kinde-auth-pkce-js 4.5.1', dir: 'kinde-pkce', expiresIn: 40 },
  // js-utils' refresh timer fires 10 s before expiry: 13 s → every 3 s.
  { name: '@kinde/js-utils 0.32.1', dir: 'kinde-js-utils', expiresIn: 13 },
  // kinde-auth-react runs js-utils' refresh timer too.
  { name: '@kinde-oss/kinde-auth-react 5.13.1', dir: 'kinde-react', expiresIn: 13 },
] as const

interface Site { url: string; api: MockAccountApi; cfg: { refreshOnDrift: boolean }; close(): Promise<void> }

for (const sdk of SDKS) {
  describeWithBrowser(`${sdk.name} signs in against the mock and the store follows it, in Chromium`, () => {
    let bundle: Awaited<ReturnType<typeof bundlePage>>
    let browser: Browser
    const cleanups: Array<() => Promise<unknown>> = []

    beforeAll(async () => {
      bundle = await bundlePage({ entry: fixture(`${sdk.dir}/main.ts`), html: await readFile(fixture('kinde-common/index.html'), 'utf8') })
      browser = await launchChromium()
    })
    afterEach(async () => { for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {}) })
    afterAll(async () => { await browser?.close(); await bundle?.remove() })

    async function site(): Promise<Site> {
      const api = createMockAccountApi({ clientId: CLIENT_ID })
      const apiServer = await api.listen()
      const cfg = { refreshOnDrift: false }
      const page = await serveStatic({
        root: bundle.dir,
        routes: {
          '/config': (_req, res) => {
            res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
            res.end(JSON.stringify({ domain: apiServer.url, clientId: CLIENT_ID, interval: INTERVAL, ...cfg }))
          },
        },
      })
      const started = { url: page.url, api, cfg, close: async () => { await page.close(); await apiServer.close() } }
      cleanups.push(() => started.close())
      return started
    }
    async function context(): Promise<BrowserContext> {
      const ctx = await browser.newContext()
      cleanups.push(() => ctx.close())
      return ctx
    }
    async function open(ctx: BrowserContext, url: string): Promise<Page> {
      const page = await ctx.newPage()
      page.on('pageerror', (error) => console.warn(`[page error] ${error.message}`))
      await page.goto(url)
      return page
    }
    const sessionIs = (page: Page, status: string, timeout = 20_000) =>
      page.waitForFunction((s) => document.getElementById('session')?.dataset.status === s, status, { timeout, polling: 50 })
    const kindeLog = (page: Page) => page.evaluate(() => window.__kinde) as Promise<KindeLog>
    const permissionKeys = (page: Page) => page.$$eval('#permissions li', (items) => items.map((li) => li.textContent ?? ''))

    /** Through the SDK's login(), the mock's picker page, and back. */
    async function signIn(page: Page, s: Site, user = 'kp_bob') {
      await sessionIs(page, 'signed-out')
      await page.click('#sign-in')
      await page.waitForURL((url) => url.href.startsWith(`${s.api.baseUrl}/oauth2/auth`))
      await page.click(`#users a[data-user="${user}"]`)
      await page.waitForURL((url) => url.href.startsWith(s.url))
      await sessionIs(page, 'signed-in')
      await page.waitForFunction(() => document.getElementById('permissions')?.dataset.status === 'ready', null, { timeout: 20_000 })
    }

    /**
     * Clicks a sign-out button whose handler leaves through the mock's /logout and comes back.
     * The page is still at the site's URL when the click lands, so waiting for that URL would
     * return at once and the next read would race the navigation: wait for the next `load`.
     */
    async function leaveThroughLogout(page: Page, s: Site, button: string) {
      const backFromLogout = page.waitForEvent('load', { timeout: 20_000 })
      await page.click(button)
      await backFromLogout
      expect(page.url().startsWith(s.url)).toBe(true)
    }

    test('sign-in goes through the mock\'s /oauth2/auth picker and the store shows the user\'s data', async () => {
      const s = await site()
      const page = await open(await context(), s.url)
      await signIn(page, s)
      // signIn() waits for the permissions; the profile is another request, which can land later
      await expect.poll(() => page.textContent('#email'), { timeout: 20_000 }).toBe('bob@acme.example')
      expect((await permissionKeys(page)).length).toBe(s.api.user('kp_bob').memberships[0]!.permissions.length)
      const routes = s.api.requests.map((r) => r.route)
      expect(routes.filter((r) => r === 'authorize')).toHaveLength(2) // the picker, then the same request with login_hint
      expect(routes).toContain('token')
      console.info(`[${sdk.name}] requests to the mock: ${s.api.requests.filter((r) => r.route !== null && !['profile', 'permissions',
        'roles', 'featureFlags', 'properties', 'entitlements'].includes(r.route)).map((r) => `${r.method} ${r.path}${Object.keys(r.query).length ? `?${Object.keys(r.query).join('&')}` : ''}`).join(', ')}`)
    })

    test('the SDK refreshes its short-lived token and the store follows with no sign-out flash', async () => {
      const s = await site()
      s.api.setExpiresIn(sdk.expiresIn)
      const page = await open(await context(), s.url)
      await signIn(page, s)
      const log = await until(() => kindeLog(page), (l) => l.tokens.length >= 3, 45_000)
      expect(log.tokens.length).toBeGreaterThanOrEqual(3) // the sign-in token and two refreshed ones
      expect(s.api.requests.filter((r) => r.route === 'token').length).toBeGreaterThanOrEqual(3)
      const afterSignIn = log.session.slice(log.session.indexOf('signed-in'))
      expect(afterSignIn.every((status) => status === 'signed-in')).toBe(true)
      const afterReady = log.permissions.slice(log.permissions.indexOf('ready'))
      expect(afterReady.every((status) => status === 'ready')).toBe(true)
      expect(log.errors).toEqual([])
      // Every refreshed token was good: the Account API never refused one.
      expect(s.api.requests.filter((r) => r.status === 403)).toEqual([])
    })

    test('a permission granted on the API side shows within one interval', async () => {
      const s = await site()
      const page = await open(await context(), s.url)
      await signIn(page, s)
      expect(await permissionKeys(page)).not.toContain('reports:export')
      s.api.grantPermission('kp_bob', 'reports:export')
      const keys = await until(() => permissionKeys(page), (k) => k.includes('reports:export'), INTERVAL + 1500)
      expect(keys).toContain('reports:export')
    })

    test('two tabs; sign-out in one: every tab is empty and IndexedDB holds nothing of the user', async () => {
      const s = await site()
      const ctx = await context()
      const first = await open(ctx, s.url)
      await signIn(first, s)
      const second = await open(ctx, s.url) // the SDK restores the session from its refresh token
      await sessionIs(second, 'signed-in')
      await second.waitForFunction(() => document.getElementById('email')?.textContent === 'bob@acme.example', null, { timeout: 20_000 })
      expect((await until(() => idbKeys(first), (k) => k.length > 0)).some((k) => k.includes('kp_bob'))).toBe(true)

      await leaveThroughLogout(first, s, '#sign-out')
      await sessionIs(first, 'signed-out')
      await sessionIs(second, 'signed-out')
      for (const page of [first, second]) {
        expect(await page.textContent('#email')).toBe('')
        expect(await permissionKeys(page)).toEqual([])
      }
      expect((await until(() => idbKeys(second), (k) => !k.some((key) => key.includes('kp_bob')))).filter((k) => k.includes('kp_bob'))).toEqual([])
      expect(s.api.requests.some((r) => r.route === 'logout')).toBe(true)
    })

    // pkce-js tells its other tabs with a `session_cleared` message; js-utils alone has no cross-tab sync.
    if (sdk.dir === 'kinde-pkce') test("pkce-js' logout alone in one tab: its session_cleared signs the other tab's store out", async () => {
      const s = await site()
      const ctx = await context()
      const first = await open(ctx, s.url)
      await signIn(first, s)
      const second = await open(ctx, s.url)
      await sessionIs(second, 'signed-in')
      await leaveThroughLogout(first, s, '#sdk-sign-out')
      await sessionIs(first, 'signed-out')
      // getAccessToken() answers undefined there now; the ID token is gone too, so the bridge reads null.
      await sessionIs(second, 'signed-out', INTERVAL * 5)
      expect(await permissionKeys(second)).toEqual([])
      expect((await kindeLog(second)).errors).toEqual([])
    })

    test('a drift (the API grants what the token lacks) shows in $drift; with refreshOnDrift the next token carries it', async () => {
      const s = await site()
      s.cfg.refreshOnDrift = true
      const page = await open(await context(), s.url)
      await signIn(page, s)
      await until(() => kindeLog(page), (l) => l.drift.at(-1) != null)
      s.api.grantPermission('kp_bob', 'reports:export')
      const log = await until(() => kindeLog(page), (l) => l.tokens.at(-1)!.permissions.includes('reports:export')
        && l.drift.at(-1)?.permissions.added.length === 0, 15_000)
      expect(log.drift.some((d) => d?.permissions.added.includes('reports:export'))).toBe(true)
      expect(log.tokens.at(-1)!.permissions).toContain('reports:export')
      expect(log.drift.at(-1)).toEqual({ permissions: { added: [], removed: [] }, roles: { added: [], removed: [] }, featureFlags: { changed: [] } })
    })
  })
}
