import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ListenOptions, MockServer } from './types'

export type Handler = (request: Request, signal: AbortSignal) => Promise<Response>

function displayHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1'
  if (host === '::') return '[::1]'
  return host.includes(':') ? `[${host}]` : host
}

/**
 * Serves the handler over Node HTTP. `node:http` is imported here, on demand, so importing the
 * mock in a browser or happy-dom never touches it. Closing ends open (e.g. hanging) requests.
 */
export async function startServer(handler: Handler, { port = 0, host = '127.0.0.1' }: ListenOptions = {}): Promise<MockServer> {
  const { createServer } = await import('node:http')
  let origin = ''

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const controller = new AbortController()
    // The client went away (its timeout or abort): end a hanging or slow answer too.
    res.on('close', () => { if (!res.writableFinished) controller.abort() })
    try {
      const chunks: Uint8Array[] = []
      for await (const chunk of req) chunks.push(chunk as Uint8Array)
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
      }
      const method = req.method ?? 'GET'
      const hasBody = method !== 'GET' && method !== 'HEAD' && chunks.length > 0
      const request = new Request(new URL(req.url ?? '/', origin), {
        method, headers, body: hasBody ? Buffer.concat(chunks) : null, signal: controller.signal,
      })
      const response = await handler(request, controller.signal)
      const body = Buffer.from(await response.arrayBuffer())
      res.writeHead(response.status, Object.fromEntries(response.headers))
      res.end(body)
    } catch {
      if (res.headersSent || res.destroyed) res.destroy()
      else res.writeHead(500, { 'content-type': 'text/plain' }).end('mock error')
    }
  }

  const server = createServer((req, res) => { void serve(req, res) })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => { server.off('error', reject); resolve() })
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  origin = `http://${displayHost(host)}:${actualPort}`
  let closing: Promise<void> | undefined
  return {
    url: origin,
    close: () => (closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })),
  }
}
