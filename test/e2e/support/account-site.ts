import { createMockAccountApi, type MockAccountApi, type MockServer } from 'kinde-account-sync/mock'
import { serveStatic } from './static-server'

export interface AccountSite {
  /** The page's origin, e.g. http://127.0.0.1:43210 */
  url: string
  /** The mock Account API behind it (request log, mutations, faults). */
  api: MockAccountApi
  /** Stops the mock's HTTP server: the API becomes unreachable, the page is still served. */
  stopApi(): Promise<void>
  close(): Promise<void>
}

/**
 * A test site: the mock Account API on its own port (CORS, like Kinde's domain) and a static
 * server for a bundled page, with `GET /token?user=<id>` handing the page an access token for a
 * seed user. Tokens are issued once per user, after listen(), so their `iss` (and with it the
 * identity, and the persisted keys) stays the same across reloads even when the API is stopped.
 */
export async function startAccountSite(pageDir: string, api: MockAccountApi = createMockAccountApi()): Promise<AccountSite> {
  let apiServer: MockServer | undefined = await api.listen()
  const tokens = new Map<string, Promise<string>>()
  const site = await serveStatic({
    root: pageDir,
    routes: {
      '/token': async (_req, res, url) => {
        const user = url.searchParams.get('user') ?? ''
        if (!api.userIds().includes(user)) return void res.writeHead(404).end()
        if (!tokens.has(user)) tokens.set(user, api.issueToken(user))
        res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' })
        res.end(await tokens.get(user))
      },
    },
  })
  const stopApi = async () => {
    const server = apiServer
    apiServer = undefined
    await server?.close()
  }
  return { url: site.url, api, stopApi, close: async () => { await stopApi(); await site.close() } }
}
