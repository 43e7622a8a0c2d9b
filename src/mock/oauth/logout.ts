const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * `GET /logout?redirect=…`: Kinde ends its session cookie and sends the browser back. The mock
 * keeps no session cookie (each sign-in picks a user afresh), so it only redirects.
 */
export function logoutResponse(query: URLSearchParams): Response {
  const redirect = query.get('redirect')
  if (redirect) {
    try {
      const url = new URL(redirect)
      if (url.protocol === 'http:' || url.protocol === 'https:') {
        return new Response(null, { status: 302, headers: { location: url.toString(), 'cache-control': 'no-store' } })
      }
    } catch { /* answered below */ }
    return new Response(`Invalid redirect: ${esc(redirect)}`, { status: 400, headers: { 'content-type': 'text/plain' } })
  }
  return new Response('<!doctype html><title>Signed out</title><p>You are signed out of mock Kinde.</p>',
    { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } })
}
