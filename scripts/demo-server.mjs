// The demo in one call: the mock Account API on its own port, and one HTTP server for the
// control page (/), the four built examples (/vanilla/, /vue/, /svelte/, /react/) and /demo/* JSON.
// `npm run demo` and the browser tests both start it through startDemo().
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { EXAMPLES, distDir } from '../examples/vite.shared.mjs'
import { buildExamples } from './lib/build-examples.mjs'
import { DEMO_CLIENT_ID, createControlApi } from './lib/control-api.mjs'
import { sendStatic } from './lib/http.mjs'
import { loadMock } from './lib/load-mock.mjs'

const CONTROL = fileURLToPath(new URL('./control', import.meta.url))
const SHARED = fileURLToPath(new URL('../examples/shared', import.meta.url))

/**
 * @param {object} [options]
 * @param {number} [options.port] port of the page server; 0 picks a free one. @default 0
 * @param {number} [options.apiPort] port of the mock API; 0 picks a free one. @default 0
 * @param {string} [options.host] @default '127.0.0.1'
 * @param {boolean} [options.build] build the examples first (false: reuse examples/<name>/dist when present). @default true
 * @param {(line: string) => void} [options.log] progress lines. @default nothing
 */
export async function startDemo({ port = 0, apiPort = 0, host = '127.0.0.1', build = true, log = () => {} } = {}) {
  await buildExamples({ reuse: !build, log })

  const { createMockAccountApi } = await loadMock()
  const mock = createMockAccountApi({ clientId: DEMO_CLIENT_ID })
  const api = await mock.listen({ port: apiPort, host })
  const control = createControlApi(mock)

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://demo.local')
      if (await control(req, res, url)) return
      const [, first, ...rest] = url.pathname.split('/')
      if (EXAMPLES.includes(first)) {
        if (url.pathname === `/${first}`) return redirect(res, `/${first}/${url.search}`)
        if (await sendStatic(res, distDir(first), rest.join('/'))) return
      } else if (await sendStatic(res, CONTROL, url.pathname)) return
      else if (url.pathname === '/style.css' && await sendStatic(res, SHARED, 'style.css')) return
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
      res.end(String(error?.message ?? error))
    }
  })
  try {
    await new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, host, resolve)
    })
  } catch (error) {
    await api.close() // don't leave the mock listening when the page server cannot start
    throw error
  }
  const address = server.address()
  const origin = `http://${host}:${address.port}`

  let closed
  return {
    urls: {
      control: `${origin}/`,
      api: api.url,
      ...Object.fromEntries(EXAMPLES.map((name) => [name, `${origin}/${name}/`])),
    },
    mock,
    /** Closes both servers (idempotent). */
    close() {
      closed ??= Promise.all([
        new Promise((resolve) => { server.close(() => resolve()); server.closeAllConnections() }),
        api.close(),
      ]).then(() => {})
      return closed
    },
  }
}

function redirect(res, location) {
  res.writeHead(302, { location }).end()
}
