// The vanilla example signs in through Kinde's own SDK (kinde-auth-pkce-js) against the demo's
// mock: "Sign in with Kinde's page" leads to the mock's picker at /oauth2/auth and back.
import { expect, test } from 'vitest'
import { describeWithBrowser } from './support/browser'
import { useDemoInChromium } from './support/demo-chromium'

const WAIT = { timeout: 20_000 }

describeWithBrowser('the vanilla example signs in with kinde-auth-pkce-js, in Chromium', () => {
  const chromium = useDemoInChromium()

  test("Kinde's page (the mock's picker), back with the user's account; sign-out leaves through /logout", async () => {
    const context = await chromium.browser.newContext()
    const page = await context.newPage()
    await page.goto(`${chromium.demo.urls.vanilla}?interval=1000`)
    await page.getByTestId('signin-kinde').click()
    await page.waitForURL((url) => url.href.startsWith(`${chromium.demo.urls.api}/oauth2/auth`), WAIT)
    await page.click('#users a[data-user="kp_carol"]')
    await page.getByTestId('account').waitFor(WAIT)
    expect(await page.getByTestId('profile-email').textContent()).toBe('carol@globex.example')
    expect(new URL(page.url()).search).toBe('?interval=1000') // kept across Kinde's round trip
    const routes = chromium.demo.mock.requests.map((r) => r.route)
    expect(routes).toContain('authorize')
    expect(routes).toContain('token')

    // the store signs out first (the picker shows), then pkce-js leaves for /logout and the mock
    // sends the browser back: the page has loaded again once that round trip is over
    const backFromLogout = page.waitForEvent('load', WAIT)
    await page.getByTestId('signout').click()
    await page.getByTestId('user-picker').waitFor(WAIT)
    await backFromLogout
    expect(chromium.demo.mock.requests.some((r) => r.route === 'logout')).toBe(true)
    await page.reload()
    await page.getByTestId('user-picker').waitFor(WAIT) // no session left to restore
    await context.close()
  })
})
