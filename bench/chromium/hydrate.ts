// Hydration in real Chromium: bench/chromium/page.ts bundled as an app would ship it, served on
// 127.0.0.1, loaded ≥ 20 times in one browser context (the IndexedDB the seed load wrote stays);
// every load measures ours and TanStack's IndexedDB persister side by side, in alternating order.
import { build } from 'esbuild'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, findChromium } from '../../test/e2e/support/browser'
import { ROOT } from '../lib/size'

export interface ChromiumHydration {
  ours: number[]
  oursFirst: number[]
  tanstack: number[]
  /** Which library ran first in each load (the first pays the page's colder start). */
  order: Array<'ours' | 'tanstack'>
  browser: string
}

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(ROOT, 'bench/chromium/page.ts')], absWorkingDir: ROOT, tsconfig: resolve(ROOT, 'tsconfig.json'),
    bundle: true, write: false, minify: true, format: 'esm', platform: 'browser',
    // persist-client-core pins an older query-core nested under itself; an app would dedupe it
    alias: { '@tanstack/query-core': './node_modules/@tanstack/query-core/build/modern/index.js' },
    define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}

/** `loads` page loads after one seed load; null when no Chromium is installed. */
export async function chromiumHydration(loads = 21): Promise<ChromiumHydration | null> {
  const executablePath = findChromium()
  if (!executablePath) return null
  const js = await bundle()
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/page.js')) res.writeHead(200, { 'content-type': 'text/javascript' }).end(js)
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script type="module" src="/page.js"></script>')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] })
  try {
    const page = await (await browser.newContext()).newPage()
    const load = async (query: string) => {
      await page.goto(`${origin}/?${query}`)
      await page.waitForFunction(() => 'result' in window)
      const r = await page.evaluate(() => (window as unknown as { result: Promise<Record<string, unknown>> }).result)
      if (r.error) throw new Error(`in Chromium: ${String(r.error)}`)
      return r as { ours: number; oursFirst: number; tanstack: number }
    }
    await load('seed')
    const out: ChromiumHydration = { ours: [], oursFirst: [], tanstack: [], order: [], browser: `Chromium ${browser.version()}` }
    for (let i = 0; i < loads; i++) {
      const first = i % 2 ? 'tanstack' : 'ours'
      const r = await load(`first=${first}`)
      out.order.push(first)
      out.ours.push(r.ours); out.oursFirst.push(r.oursFirst); out.tanstack.push(r.tanstack)
    }
    return out
  } finally {
    await browser.close()
    server.close()
  }
}
