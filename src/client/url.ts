const LOOPBACK = ['localhost', '127.0.0.1', '[::1]']

/**
 * The API's base URL from the `domain` option or the token's `iss` (Kinde's SDK does the same),
 * for ofetch's `baseURL`. A bare host gets `https://`. Plain http is refused except on loopback:
 * the bearer token must not cross a network in clear text. Throws a TypeError saying what is wrong.
 */
export function baseUrl(domain: string | null | undefined): string {
  if (!domain) throw new TypeError('no domain: pass `domain`, or a token whose `iss` names it')
  let url: URL
  try {
    url = new URL(domain.includes('://') ? domain : `https://${domain}`)
  } catch {
    throw new TypeError(`domain "${domain}" is not a URL`)
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.includes(url.hostname))) {
    throw new TypeError(`domain "${domain}" must use https (plain http only on localhost)`)
  }
  return url.origin + url.pathname
}
