/**
 * The shared Chromium launcher for browser tests (ARCHITECTURE.md, "Tests"); the engine-neutral layer over all three engines is ./engines.ts. Any e2e test file can use it:
 *
 *   import { describeWithBrowser, launchChromium } from './support/browser'
 *   describeWithBrowser('my pages', () => {
 *     let browser: Browser
 *     beforeAll(async () => { browser = await launchChromium() })
 *     afterAll(() => browser?.close())
 *     test('…', async () => { const page = await browser.newPage(); … })
 *   })
 *
 * Chromium is looked up in CHROMIUM_PATH, then /usr/bin/chromium (Debian's package; playwright's
 * own download is never used). Without one the suite is skipped with a loud warning, unless
 * REQUIRE_BROWSER=1 (set by .ci/run), where it fails instead: CI must never pass by skipping.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type LaunchOptions } from 'playwright-core'
import { describe, test } from 'vitest'

/** Flags verified on Debian 12: headless in a container, no network chatter. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
]

const INSTALL_HINT = 'apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH to a Chromium binary)'

/** The Chromium to use: CHROMIUM_PATH when set (and present), else /usr/bin/chromium, else undefined. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined
}

/** True when a missing browser must fail the run rather than skip it. */
export const browserRequired = (): boolean => process.env.REQUIRE_BROWSER === '1'

/**
 * `describe` for browser tests: runs `body` when Chromium is found; otherwise skips it with a
 * console warning naming the install command, or (REQUIRE_BROWSER=1) registers one failing test.
 */
export function describeWithBrowser(name: string, body: () => void): void {
  if (findChromium()) {
    describe(name, body)
    return
  }
  const where = process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist` : '/usr/bin/chromium is missing'
  if (browserRequired()) {
    describe(name, () => {
      test('needs Chromium (REQUIRE_BROWSER=1)', () => {
        throw new Error(`No Chromium for browser tests: ${where}. Install it: ${INSTALL_HINT}`)
      })
    })
    return
  }
  console.warn(
    `\n!!! SKIPPING browser tests "${name}": ${where}.\n!!! Install it: ${INSTALL_HINT}\n`
    + '!!! (set REQUIRE_BROWSER=1 to make this a failure, as .ci/run does)\n',
  )
  describe.skip(name, body)
}

function executablePath(): string {
  const path = findChromium()
  if (!path) throw new Error(`No Chromium found. Install it: ${INSTALL_HINT}`)
  return path
}

/** A headless Chromium with the verified flags; `options` are playwright's and win over ours. */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: executablePath(),
    headless: true,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  })
}

/**
 * A Chromium context on a kept profile directory: IndexedDB, cookies and storage survive closing
 * it and launching again on the same `userDataDir` (a browser restart). Close it before relaunching.
 */
export function launchPersistent(
  userDataDir: string,
  options: Parameters<typeof chromium.launchPersistentContext>[1] = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: executablePath(),
    headless: true,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options?.args ?? [])],
  })
}

/** A fresh profile directory under the OS temp dir; `remove()` deletes it (never committed). */
export async function tempProfile(prefix = 'kas-profile-'): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}
