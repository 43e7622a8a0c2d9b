import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { startDemo, type Demo } from '../../../scripts/demo-server.mjs'
import { launchChromium } from './browser'

/**
 * The suites that open the demo (examples, mock and control page) in Chromium: the demo server on
 * a free port and one Chromium for the suite, both closed after it. Call it inside
 * `describeWithBrowser`.
 */
export function useDemoInChromium() {
  let demo: Demo | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    demo = await startDemo({ port: 0 })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await demo?.close()
  })
  return {
    get demo(): Demo { return demo! },
    get browser(): Browser { return browser! },
  }
}
