import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'

/** A route handler: answer the request, or return false to fall through to the files. */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | void | Promise<boolean | void>

export interface StaticServerOptions {
  /** Directory whose files are served; `/` serves index.html. */
  root: string
  /** Extra endpoints by exact pathname, tried before the files (e.g. `/token`). */
  routes?: Record<string, Route>
  /** @default '127.0.0.1' */
  host?: string
  /** 0 picks a free port. @default 0 */
  port?: number
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml',
}

/** A tiny static file server for test pages: no caching, nothing outside `root`. */
export async function serveStatic(options: StaticServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  const { root, routes = {}, host = '127.0.0.1', port = 0 } = options
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
      const route = routes[url.pathname]
      if (route && (await route(req, res, url)) !== false) return
      const file = normalize(join(root, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)))
      if (!file.startsWith(normalize(root) + sep)) return void res.writeHead(403).end()
      const body = await readFile(file)
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
      res.end(body)
    } catch {
      if (!res.headersSent) res.writeHead(404)
      res.end()
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const { port: actual } = server.address() as AddressInfo
  return {
    url: `http://${host}:${actual}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    }),
  }
}
