// @vitest-environment node
import { afterEach, describe, expect, test } from 'vitest'
import { createMockAccountApi, type MockServer } from 'kinde-account-sync/mock'

let servers: MockServer[] = []
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()))
  servers = []
})

async function listen(options?: Parameters<typeof createMockAccountApi>[0]) {
  const api = createMockAccountApi(options)
  const server = await api.listen()
  servers.push(server)
  return { api, server }
}

describe('mock over real HTTP', () => {
  test('listens on a free loopback port and tokens issued afterwards carry its URL as iss', async () => {
    const { api, server } = await listen()
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(api.baseUrl).toBe(server.url)
    const token = await api.issueToken('kp_alice')
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())
    expect(claims.iss).toBe(server.url)
    const response = await fetch(`${claims.iss}/account_api/v1/permissions?page_size=3`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    })
    expect(response.status).toBe(200)
    expect((await response.json()).data.permissions).toHaveLength(3)
  })

  test('answers the CORS preflight for Authorization, Accept, Content-Type and Kinde-SDK', async () => {
    const { server } = await listen()
    const response = await fetch(`${server.url}/account_api/v1/roles`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization,kinde-sdk' },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS')
    const allowed = response.headers.get('access-control-allow-headers')!.toLowerCase().split(/,\s*/)
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'accept', 'content-type', 'kinde-sdk']))
  })

  test('every answer, errors included, is readable cross-origin', async () => {
    const { api, server } = await listen()
    api.fault('roles', { status: 429, retryAfter: 5 }, { times: 1 })
    const response = await fetch(`${server.url}/account_api/v1/roles`)
    expect(response.status).toBe(429)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('retry-after')).toBe('5')
    expect(response.headers.get('access-control-expose-headers')).toContain('Retry-After')
  })

  test('introspect and revoke take form bodies over HTTP', async () => {
    const { api, server } = await listen()
    const token = await api.issueToken('kp_carol')
    const introspect = await fetch(`${server.url}/oauth2/introspect`, { method: 'POST', body: new URLSearchParams({ token }) })
    expect(await introspect.json()).toMatchObject({ active: true })
    const revoke = await fetch(`${server.url}/oauth2/revoke`, { method: 'POST', body: new URLSearchParams({ token, client_id: 'spa' }) })
    expect(revoke.status).toBe(200)
    expect(await revoke.text()).toBe('')
    const after = await fetch(`${server.url}/oauth2/v2/user_profile`, { headers: { authorization: `Bearer ${token}` } })
    expect(after.status).toBe(403)
  })

  test("a hanging request ends when the client's signal aborts", async () => {
    const { api, server } = await listen()
    api.fault('profile', { hang: true })
    const pending = fetch(`${server.url}/oauth2/v2/user_profile`, { signal: AbortSignal.timeout(200) })
    await expect(pending).rejects.toMatchObject({ name: 'TimeoutError' })
    await expect.poll(() => api.requests.at(-1)?.status === null && api.requests.length === 1).toBe(true)
  })

  test('close() ends hanging requests and frees the port; baseUrl returns to its option', async () => {
    const api = createMockAccountApi()
    const server = await api.listen()
    api.fault('*', { hang: true })
    const pending = fetch(`${server.url}/account_api/v1/roles`).then(() => 'answered', () => 'failed')
    await expect.poll(() => api.requests.length).toBe(1)
    await server.close()
    expect(await pending).toBe('failed')
    expect(api.baseUrl).toBe('https://mock.kinde.local')
    await expect(fetch(`${server.url}/account_api/v1/roles`)).rejects.toThrow()
  })

  test('listening twice at once is refused', async () => {
    const { api } = await listen()
    await expect(api.listen()).rejects.toThrow(/already listening/)
  })

  test('the log option gets one line per request and never the token', async () => {
    const lines: string[] = []
    const { api, server } = await listen({ log: (line) => lines.push(line) })
    const token = await api.issueToken('kp_alice', { orgCode: 'org_globex' })
    await fetch(`${server.url}/account_api/v1/roles?page_size=2`, { headers: { authorization: `Bearer ${token}` } })
    await fetch(`${server.url}/oauth2/revoke`, { method: 'POST', body: new URLSearchParams({ token, client_id: 'spa' }) })
    expect(lines).toEqual([
      'GET /account_api/v1/roles?page_size=2 → 200 kp_alice@org_globex',
      'POST /oauth2/revoke → 200 kp_alice',
    ])
    expect(lines.join('\n')).not.toContain(token.split('.')[2]!.slice(0, 16))
  })
})
