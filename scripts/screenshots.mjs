#!/usr/bin/env node
// `npm run screenshots`: saves docs/<example>.png of each example signed in and live, and
// docs/control.png of the demo's control page.
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
  for (const name of ['vanilla', 'vue', 'svelte']) {
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
  // The control page, with the requests the three examples just made.
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
