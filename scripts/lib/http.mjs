// Small HTTP helpers for the demo server: JSON in and out, static files.
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.map': 'application/json', '.woff2': 'font/woff2',
}

export function sendJson(res, status, body) {
  // no-store: token answers must never sit in a cache
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

export async function readJson(req) {
  let text = ''
  for await (const chunk of req) text += chunk
  if (text.length === 0) return {}
  return JSON.parse(text)
}

/** Serves `path` (URL path below the mount) from `root`; falls back to index.html for app routes. */
export async function sendStatic(res, root, path) {
  const file = normalize(join(root, decodeURIComponent(path)))
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return false
  const found = await fileAt(file) ?? await fileAt(join(file, 'index.html'))
  const target = found ?? (extname(file) === '' ? await fileAt(join(root, 'index.html')) : undefined)
  if (!target) return false
  res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', 'cache-control': 'no-cache' })
  createReadStream(target).pipe(res)
  return true
}

async function fileAt(file) {
  try {
    return (await stat(file)).isFile() ? file : undefined
  } catch {
    return undefined
  }
}
