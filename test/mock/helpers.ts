import type { MockAccountApi } from 'kinde-account-sync/mock'

export const BASE = 'https://mock.kinde.local'

/** GET through the in-process fetch, as a client would send it. */
export async function get(api: MockAccountApi, path: string, token?: string, init: RequestInit = {}) {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  const response = await api.fetch(`${api.baseUrl}${path}`, { ...init, headers })
  const text = await response.text()
  let body: unknown = text
  try { body = text ? JSON.parse(text) : null } catch { /* malformed on purpose in some tests */ }
  return { status: response.status, headers: response.headers, body: body as any, text }
}

export async function post(api: MockAccountApi, path: string, form: Record<string, string>, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' }
  if (token) headers.authorization = `Bearer ${token}`
  const response = await api.fetch(`${api.baseUrl}${path}`, { method: 'POST', headers, body: new URLSearchParams(form).toString() })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null, text }
}

/** Every item of a list route, following the cursor like a client would. */
export async function allPages(api: MockAccountApi, path: string, field: string, token: string, pageSize?: number) {
  const items: any[] = []
  const pages: any[] = []
  let after: string | null = null
  for (let guard = 0; guard < 50; guard++) {
    const query = new URLSearchParams()
    if (pageSize) query.set('page_size', String(pageSize))
    if (after) query.set('starting_after', after)
    const { status, body } = await get(api, `${path}${query.size ? `?${query}` : ''}`, token)
    if (status !== 200) throw new Error(`${path}: ${status}`)
    pages.push(body)
    items.push(...body.data[field])
    if (!body.metadata?.has_more) return { items, pages }
    after = body.metadata.next_page_starting_after
  }
  throw new Error('too many pages')
}
