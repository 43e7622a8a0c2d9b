import { describe, expect, test } from 'vitest'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { ENDPOINTS } from '../../src/mock/routes/index-page'
import { matchRoute } from '../../src/mock/routes/match'
import { get } from './helpers'

describe("the mock's root URL", () => {
  test('answers a JSON index of its endpoints, each with its absolute URL', async () => {
    const api = createMockAccountApi()
    const { status, body } = await get(api, '/')
    expect(status).toBe(200)
    expect(body.endpoints).toContainEqual(expect.objectContaining({
      method: 'GET', path: '/account_api/v1/permissions', auth: 'bearer', url: `${api.baseUrl}/account_api/v1/permissions`,
    }))
    expect(body.endpoints).toHaveLength(ENDPOINTS.length)
  })

  test('answers HTML to a browser, with no token needed', async () => {
    const api = createMockAccountApi()
    const response = await api.fetch(`${api.baseUrl}/`, { headers: { accept: 'text/html,application/xhtml+xml' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await response.text()
    for (const { path } of ENDPOINTS) expect(html).toContain(path)
  })

  test('lists only paths the mock really serves, with their method', () => {
    for (const { method, path } of ENDPOINTS) {
      expect(matchRoute(method, path.replace('{key}', 'seats')), `${method} ${path}`).toMatchObject({ kind: 'route' })
    }
  })

  test('is the only new path: other unknown paths stay 404', async () => {
    const api = createMockAccountApi()
    expect((await get(api, '/nope')).status).toBe(404)
    expect((await api.fetch(`${api.baseUrl}/`, { method: 'POST' })).status).toBe(404)
  })
})
