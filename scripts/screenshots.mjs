#!/usr/bin/env node
// `npm run screenshots`: saves docs/<example>.png of each example signed in and live,
// docs/devtools.png of the devtools panel over the React example, and docs/control.png of the
// demo's control page.
// Needs Chromium (CHROMIUM_PATH, else /usr/bin/chromium). Not part of `npm test`.
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { startDemo } from './demo-server.mjs'

const DOCS = fileURLToPath(new URL('../docs/', import.meta.url))
const USER = 'kp_bob'
const RESOURCES = ['profile', 'roles', 'permissions', 'featureFlags', 'properties', 'entitlements']
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
if (!existsSync(executablePath)) {
  console.error(`No Chromium at ${executablePath}. Install it: apt-get install -y chromium (or set CHROMIUM_PATH).`)
  process.exit(1)
}

const demo = await startDemo({ log: (line) => console.log(`  ${line}`) })
const browser = await chromium.launch({ executablePath, args: ARGS })
try {
  await mkdir(DOCS, { recursive: true })
  for (const name of ['vanilla', 'vue', 'svelte', 'react']) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 })
    // A long interval: the picture shows settled data, not a "fetching" badge mid-request.
    await page.goto(`${demo.urls[name]}?interval=30000`)
    await page.getByTestId(`signin-${USER}`).click()
    for (const r of RESOURCES) {
      await page.waitForSelector(`[data-testid="status-${r}"][data-source="network"][data-fetching="false"]`, { timeout: 20_000 })
    }
    const file = `${DOCS}${name}.png`
    await page.screenshot({ path: file, fullPage: true })
    console.log(`saved ${file}`)
    await page.close()
  }
  // The devtools panel, open over the React example, once every section has its answer.
  const dev = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 })
  await dev.goto(`${demo.urls.react}?interval=30000`)
  await dev.getByTestId(`signin-${USER}`).click()
  // Opened after sign-in: with `?devtools` the panel would sit over the user picker.
  await dev.getByTestId('devtools-toggle').click()
  for (const r of RESOURCES) {
    await dev.waitForSelector(`[data-testid="devtools-resource-${r}"][data-source="network"][data-fetching="false"]`, { timeout: 20_000 })
  }
  for (const id of ['devtools-derived', 'devtools-disk']) {
    await dev.waitForSelector(`[data-testid="${id}"][data-state="ready"]`, { timeout: 20_000 })
  }
  await dev.waitForSelector('[data-testid="devtools-drift"]:not([data-state="waiting"])', { timeout: 20_000 })
  // The panel scrolls past 640 px; for the picture it shows every section whole, and the
  // viewport grows to fit it, so no row is cut.
  const height = await dev.evaluate(() => {
    const root = document.querySelector('kinde-account-devtools')?.shadowRoot
    const style = document.createElement('style')
    style.textContent = '.panel { max-height: none !important; }'
    root?.prepend(style) // first: the panel renders into the root's last child
    return Math.ceil(root?.querySelector('.panel')?.getBoundingClientRect().height ?? 0)
  })
  await dev.setViewportSize({ width: 1280, height: Math.max(900, height + 80) })
  await dev.waitForTimeout(300)
  await dev.screenshot({ path: `${DOCS}devtools.png` })
  console.log(`saved ${DOCS}devtools.png`)
  await dev.close()
  // The control page, with the requests the four examples just made.
  const control = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 })
  await control.goto(demo.urls.control)
  await control.selectOption('[data-testid="control-user"]', `${USER}|org_acme`)
  await control.waitForSelector('#requests li')
  await control.screenshot({ path: `${DOCS}control.png`, fullPage: true })
  console.log(`saved ${DOCS}control.png`)
} finally {
  await browser.close()
  await demo.close()
}
