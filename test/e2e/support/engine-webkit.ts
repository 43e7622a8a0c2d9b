import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { callSource, type Engine, type TestPage, type TestProfile } from './engine'

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'

/** WEBKIT_DRIVER_PATH when set (and present), else Debian's /usr/bin/WebKitWebDriver (with xvfb-run). */
export function findWebKitDriver(): string | undefined {
  const fromEnv = process.env.WEBKIT_DRIVER_PATH
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined
  const found = existsSync('/usr/bin/WebKitWebDriver') ? '/usr/bin/WebKitWebDriver' : undefined
  return found && existsSync(MINIBROWSER) && existsSync('/usr/bin/xvfb-run') ? found : undefined
}

const freePort = () => new Promise<number>((resolve, reject) => {
  const server = createServer()
  server.once('error', reject)
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number }
    server.close(() => resolve(port))
  })
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** WebKitWebDriver on loopback under a virtual display; we start it ourselves (never selenium). */
async function startDriver(): Promise<{ base: string; stop(): void }> {
  const port = await freePort()
  const driver = findWebKitDriver()!
  const child: ChildProcess = spawn('xvfb-run', ['-a', driver, '--host=127.0.0.1', `--port=${port}`], { stdio: 'ignore', detached: true })
  const base = `http://127.0.0.1:${port}`
  const stop = () => { try { process.kill(-child.pid!, 'SIGTERM') } catch { /* already gone */ } }
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`${base}/status`)).ok) return { base, stop } } catch { /* not up yet */ }
    await sleep(100)
  }
  stop()
  throw new Error('WebKitWebDriver did not start')
}

async function call(base: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${base}${path}`, {
    method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await res.json().catch(() => ({}))) as { value?: any }
  if (!res.ok) throw new Error(`WebDriver ${method} ${path}: ${res.status} ${JSON.stringify(json.value ?? json).slice(0, 500)}`)
  return json.value
}

/** One WebDriver session = one MiniBrowser = one profile; its windows are the pages. */
async function openSession(base: string): Promise<TestProfile> {
  const session = await call(base, 'POST', '/session', { capabilities: { alwaysMatch: {
    browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  } } })
  const at = `/session/${session.sessionId}`
  let initial: string | undefined = await call(base, 'GET', `${at}/window`)
  // WebDriver has one current window: every command switches to its page first, one at a time.
  let queue: Promise<unknown> = Promise.resolve()
  let current = initial
  const serial = <T>(handle: string | null, work: () => Promise<T>): Promise<T> => {
    const run = queue.then(async () => {
      // null: any open window will do (a new window needs a current one that still exists)
      const target = handle ?? current ?? ((await call(base, 'GET', `${at}/window/handles`)) as string[])[0]!
      if (current !== target) { await call(base, 'POST', `${at}/window`, { handle: target }); current = target }
      return work()
    })
    queue = run.catch(() => {})
    return run
  }
  const page = (handle: string): TestPage => ({
    engine: 'webkit',
    goto: (url) => serial(handle, () => call(base, 'POST', `${at}/url`, { url })),
    reload: () => serial(handle, () => call(base, 'POST', `${at}/refresh`, {})),
    close: () => serial(handle, async () => { await call(base, 'DELETE', `${at}/window`); current = undefined }),
    async evaluate(fn, arg) {
      const script = `const done = arguments[arguments.length - 1];
        Promise.resolve().then(() => ${callSource(fn as never)}(arguments[0]))
          .then((value) => done({ value: value === undefined ? null : value }), (e) => done({ error: String(e && e.stack || e) }))`
      const out = await serial(handle, () => call(base, 'POST', `${at}/execute/async`, { script, args: [arg ?? null] }))
      if (out && 'error' in out) throw new Error(`[webkit page] ${out.error}`)
      return out?.value ?? undefined
    },
  })
  return {
    async newPage() {
      if (initial) { const handle = initial; initial = undefined; return page(handle) }
      const { handle } = await serial(null, () => call(base, 'POST', `${at}/window/new`, { type: 'window' }))
      return page(handle)
    },
    close: () => queue.then(() => call(base, 'DELETE', at)).catch(() => {}),
  }
}

/** WebKitGTK (MiniBrowser) through WebKitWebDriver (WEBKIT_DRIVER_PATH, then /usr/bin/WebKitWebDriver). */
export const webkitEngine: Engine = {
  name: 'webkit',
  find: findWebKitDriver,
  hint: 'apt-get install -y webkit2gtk-driver xvfb (or set WEBKIT_DRIVER_PATH)',
  async launch() {
    const driver = await startDriver()
    const sessions: TestProfile[] = []
    return {
      engine: 'webkit',
      async newProfile() {
        const profile = await openSession(driver.base)
        sessions.push(profile)
        return profile
      },
      async close() {
        for (const s of sessions.splice(0)) await s.close()
        driver.stop()
      },
    }
  },
  // No launchKept: MiniBrowser in automation mode always runs on an ephemeral data manager.
}
