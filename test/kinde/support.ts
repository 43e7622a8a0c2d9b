import type { MockAccountApi } from 'kinde-account-sync/mock'

export const CLIENT_ID = 'spa_client'
export const REDIRECT = `${location.origin}/callback`

export interface SentRequest { method: string; path: string; query: Record<string, string>; headers: Record<string, string>; form: Record<string, string> | null }

/**
 * The mock's in-process fetch as the global one (Kinde's SDKs call `fetch` directly), keeping a
 * list of exactly what each SDK sent; secrets are kept only as their names.
 */
export function installMockFetch(api: MockAccountApi) {
  const sent: SentRequest[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    const url = new URL(request.url)
    const text = request.method === 'POST' ? await request.clone().text() : ''
    const headers: Record<string, string> = {}
    request.headers.forEach((value, raw) => { const name = raw.toLowerCase(); headers[name] = name === 'authorization' ? 'Bearer …' : value })
    sent.push({ method: request.method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers,
      form: text ? Object.fromEntries([...new URLSearchParams(text)].map(([k, v]) => [k, /token|code|verifier/.test(k) ? '…' : v])) : null })
    return api.fetch(request)
  }
  return { fetch: fetch as typeof globalThis.fetch, sent }
}

/** What the mock's `/oauth2/auth` answers for this SDK-built URL, with `login_hint` picking the user. */
export async function authorizeAt(api: MockAccountApi, url: URL, loginHint: string): Promise<URL> {
  url.searchParams.set('login_hint', loginHint)
  const response = await api.fetch(url.toString(), { redirect: 'manual' })
  const location = response.headers.get('location')
  if (response.status !== 302 || !location) throw new Error(`/oauth2/auth answered ${response.status}`)
  return new URL(location)
}

// real time, and a loaded CI machine is slow: generous, since a pass returns as soon as the check holds
export async function until(check: () => boolean | Promise<boolean>, what: string, ms = 10_000) {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
