// Lets `npx vite examples/<name>` run an example on its own: the dev server starts a mock
// Kinde Account API and answers the same /demo/* endpoints (user list, token) as `npm run demo`.
import { DEMO_CLIENT_ID, createControlApi } from '../scripts/lib/control-api.mjs'
import { loadMock } from '../scripts/lib/load-mock.mjs'

/** @returns {import('vite').Plugin} */
export function demoApi({ apiPort = 0 } = {}) {
  return {
    name: 'kinde-account-sync:demo-api',
    apply: 'serve',
    async configureServer(server) {
      const { createMockAccountApi } = await loadMock()
      const mock = createMockAccountApi({ clientId: DEMO_CLIENT_ID })
      const api = await mock.listen({ port: apiPort })
      const control = createControlApi(mock)
      server.httpServer?.once('close', () => void api.close())
      server.config.logger.info(`  mock Kinde Account API: ${api.url}`)
      server.middlewares.use((req, res, next) => {
        control(req, res, new URL(req.url ?? '/', 'http://dev.local')).then((handled) => handled || next(), next)
      })
    },
  }
}
