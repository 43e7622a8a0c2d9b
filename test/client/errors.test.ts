import { afterEach, describe, expect, test, vi } from 'vitest'
import { AccountApiError, createAccountClient, isAccountApiError } from 'kinde-account-sync'
import { hangingFetch, json, stubFetch, text, TOKEN } from './stub'

/** The rejection of `promise`, asserted to be an AccountApiError. */
async function failure(promise: Promise<unknown>): Promise<AccountApiError> {
  const error = await promise.then(() => { throw new Error('expected a rejection') }, (e: unknown) => e)
  expect(isAccountApiError(error)).toBe(true)
  expect(error).toBeInstanceOf(AccountApiError)
  return error as AccountApiError
}

const answering = (response: () => Response | Promise<Response>) =>
  createAccountClient({ token: TOKEN, fetch: stubFetch(response).fetch })

afterEach(() => {
  vi.useRealTimers()
})

describe('HTTP status → kind', () => {
  test.each([
    [401, 'unauthorized'], [403, 'unauthorized'], [429, 'rate_limited'], [500, 'server'], [502, 'server'],
    [503, 'server'], [400, 'http'], [404, 'http'], [409, 'http'],
  ] as const)('%i is %s', async (status, kind) => {
    const error = await failure(answering(() => json({}, status)).getRoles())
    expect(error).toMatchObject({ name: 'AccountApiError', kind, status, method: 'GET', path: '/account_api/v1/roles' })
    expect(error.message).toContain(`[GET] "/account_api/v1/roles": ${status} ${kind}`)
  })

  test('a Kinde-style error body gives errors[0].code', async () => {
    const error = await failure(answering(() => json({ errors: [{ code: 'TOKEN_INVALID', message: 'Invalid credentials' }] }, 403)).getUserProfile())
    expect(error).toMatchObject({ kind: 'unauthorized', status: 403, code: 'TOKEN_INVALID' })
  })

  test('an OAuth-style error body gives error', async () => {
    const error = await failure(answering(() => json({ error: 'invalid_token', error_description: 'expired' }, 401)).introspect())
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401, code: 'invalid_token', method: 'POST', path: '/oauth2/introspect' })
  })

  test.each([
    ['no body', () => new Response(null, { status: 403 })],
    ['an HTML body', () => text('<html>Forbidden</html>', 403, { 'content-type': 'text/html' })],
    ['a malformed JSON body', () => text('{"errors":', 403, { 'content-type': 'application/json' })],
    ['a body of another shape', () => json({ errors: 'nope' }, 403)],
  ])('an error response with %s still maps, with a null code', async (_, response) => {
    const error = await failure(answering(response).getPermissions())
    expect(error).toMatchObject({ kind: 'unauthorized', status: 403, code: null, retryAfterMs: null })
  })
})

describe('retryAfterMs', () => {
  test('429 with RateLimit-Reset seconds', async () => {
    const error = await failure(answering(() => json({}, 429, { 'RateLimit-Reset': '30' })).getRoles())
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 30_000 })
  })

  test('429 with Retry-After seconds', async () => {
    const error = await failure(answering(() => json({}, 429, { 'Retry-After': '7' })).getRoles())
    expect(error.retryAfterMs).toBe(7_000)
  })

  test('429 with Retry-After as an HTTP date', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') })
    const error = await failure(answering(() => json({}, 429, { 'Retry-After': 'Thu, 01 Jan 2026 00:01:30 GMT' })).getRoles())
    expect(error.retryAfterMs).toBe(90_000)
  })

  test('429 with both headers takes the larger', async () => {
    const a = await failure(answering(() => json({}, 429, { 'RateLimit-Reset': '10', 'Retry-After': '20' })).getRoles())
    expect(a.retryAfterMs).toBe(20_000)
    const b = await failure(answering(() => json({}, 429, { 'RateLimit-Reset': '40', 'Retry-After': '20' })).getRoles())
    expect(b.retryAfterMs).toBe(40_000)
  })

  test('429 without a usable header has none', async () => {
    const error = await failure(answering(() => json({}, 429, { 'Retry-After': 'soon' })).getRoles())
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: null })
  })

  test('503 with Retry-After', async () => {
    const error = await failure(answering(() => json({}, 503, { 'Retry-After': '5' })).getRoles())
    expect(error).toMatchObject({ kind: 'server', status: 503, retryAfterMs: 5_000 })
  })

  test('other statuses ignore the headers', async () => {
    const error = await failure(answering(() => json({}, 500, { 'Retry-After': '5' })).getRoles())
    expect(error.retryAfterMs).toBeNull()
  })
})

describe('failures without a response', () => {
  test('fetch throwing is network, with the cause kept', async () => {
    const cause = new TypeError('fetch failed')
    const error = await failure(createAccountClient({ token: TOKEN, fetch: () => Promise.reject(cause) }).getRoles())
    expect(error).toMatchObject({ kind: 'network', status: null, code: null })
    expect(error.cause).toBe(cause)
  })

  test('no response within the timeout is timeout', async () => {
    vi.useFakeTimers()
    const client = createAccountClient({ token: TOKEN, fetch: hangingFetch, timeout: 5_000 })
    const settled = failure(client.getRoles())
    await vi.advanceTimersByTimeAsync(4_999)
    let done = false
    void settled.then(() => { done = true })
    await vi.advanceTimersByTimeAsync(0)
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await settled).toMatchObject({ kind: 'timeout', status: null })
  })

  test('the default timeout is 10 s', async () => {
    vi.useFakeTimers()
    const settled = failure(createAccountClient({ token: TOKEN, fetch: hangingFetch }).getUserProfile())
    await vi.advanceTimersByTimeAsync(10_000)
    expect((await settled).kind).toBe('timeout')
  })

  test("the caller's signal aborting the request is aborted", async () => {
    const controller = new AbortController()
    const settled = failure(createAccountClient({ token: TOKEN, fetch: hangingFetch }).getPermissions({ signal: controller.signal }))
    await new Promise((r) => setTimeout(r, 0))
    controller.abort()
    expect(await settled).toMatchObject({ kind: 'aborted', status: null })
  })

  test('a fetch that ignores its signal still times out and aborts', async () => {
    const deaf = (() => new Promise<Response>(() => {})) as typeof globalThis.fetch
    vi.useFakeTimers()
    const timedOut = failure(createAccountClient({ token: TOKEN, fetch: deaf, timeout: 1_000 }).getRoles())
    await vi.advanceTimersByTimeAsync(1_000)
    expect((await timedOut).kind).toBe('timeout')
    const controller = new AbortController()
    const aborted = failure(createAccountClient({ token: TOKEN, fetch: deaf }).getRoles({ signal: controller.signal }))
    await vi.advanceTimersByTimeAsync(0)
    controller.abort()
    expect((await aborted).kind).toBe('aborted')
  })

  test('a body that stalls after the headers still times out', async () => {
    const stalling = (async () => new Response(new ReadableStream({
      start(c) { c.enqueue(new TextEncoder().encode('{"data":')) }, // and never more
    }), { status: 200, headers: { 'content-type': 'application/json' } })) as typeof globalThis.fetch
    vi.useFakeTimers()
    const settled = failure(createAccountClient({ token: TOKEN, fetch: stalling, timeout: 1_000 }).getRoles())
    await vi.advanceTimersByTimeAsync(1_000)
    expect(await settled).toMatchObject({ kind: 'timeout', status: null })
  })

  test('an already aborted signal sends nothing', async () => {
    const stub = stubFetch(() => json({}))
    const error = await failure(createAccountClient({ token: TOKEN, fetch: stub.fetch }).getRoles({ signal: AbortSignal.abort() }))
    expect(error.kind).toBe('aborted')
    expect(stub.calls).toHaveLength(0)
  })

  test('a finished request leaves no timer behind', async () => {
    vi.useFakeTimers()
    const client = createAccountClient({ token: TOKEN, fetch: stubFetch(() => json({ url: 'https://x' })).fetch })
    await client.getPortalLink()
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('the token', () => {
  test.each([
    ['null', () => null],
    ['undefined', () => undefined],
    ['an empty string', () => ''],
    ['a promise of null', async () => null],
  ])('a source yielding %s is unauthorized and sends nothing', async (_, token) => {
    const stub = stubFetch(() => json({}))
    const error = await failure(createAccountClient({ token, fetch: stub.fetch }).getRoles())
    expect(error).toMatchObject({ kind: 'unauthorized', status: null })
    expect(stub.calls).toHaveLength(0)
  })

  test('a source that throws is unauthorized', async () => {
    const error = await failure(createAccountClient({ token: () => { throw new Error('session gone') }, fetch: stubFetch(() => json({})).fetch }).getRoles())
    expect(error.kind).toBe('unauthorized')
  })

  test('is read before every request', async () => {
    const tokens = ['t1', 't2']
    const stub = stubFetch(() => json({ url: 'https://x' }))
    const client = createAccountClient({ token: () => tokens.shift(), domain: 'https://acme.kinde.com', fetch: stub.fetch })
    await client.getPortalLink()
    await client.getPortalLink()
    expect(stub.calls.map((c) => c.headers.authorization)).toEqual(['Bearer t1', 'Bearer t2'])
    await expect(client.getPortalLink()).rejects.toMatchObject({ kind: 'unauthorized' })
  })

  test('never appears in an error message, URL or code', async () => {
    const secret = TOKEN
    const responses = [
      () => json({ errors: [{ code: 'E', message: secret }] }, 403),
      () => json({ error: 'x', error_description: secret }, 401),
      () => text(secret, 200, { 'content-type': 'application/json' }),
      () => json({ data: { roles: [{ key: 1 }] } }),
      () => Promise.reject(new TypeError('fetch failed')),
    ]
    for (const response of responses) {
      const stub = stubFetch(response)
      const error = await failure(createAccountClient({ token: secret, fetch: stub.fetch }).getRoles())
      expect(error.message).not.toContain(secret)
      expect(String(error)).not.toContain(secret)
      expect(JSON.stringify(error)).not.toContain(secret)
      expect(stub.calls[0]!.url.href).not.toContain(secret)
    }
  })
})

describe('domain', () => {
  const profile = () => json({ id: 'kp_1' })

  test("defaults to the token's iss", async () => {
    const stub = stubFetch(profile)
    await createAccountClient({ token: TOKEN, fetch: stub.fetch }).getUserProfile()
    expect(stub.calls[0]!.url.origin).toBe('https://acme.kinde.com')
  })

  test('the domain option overrides iss; a trailing slash or a bare host is fine', async () => {
    for (const domain of ['https://auth.example.com/', 'auth.example.com']) {
      const stub = stubFetch(profile)
      await createAccountClient({ token: TOKEN, domain, fetch: stub.fetch }).getUserProfile()
      expect(stub.calls[0]!.url.href).toBe('https://auth.example.com/oauth2/v2/user_profile')
    }
  })

  test.each(['http://localhost:4000', 'http://127.0.0.1:4000', 'http://[::1]:4000'])('plain http is allowed on loopback: %s', async (domain) => {
    const stub = stubFetch(profile)
    await createAccountClient({ token: TOKEN, domain, fetch: stub.fetch }).getUserProfile()
    expect(stub.calls[0]!.url.href).toBe(`${domain}/oauth2/v2/user_profile`)
  })

  test.each(['http://acme.kinde.com', 'ftp://acme.kinde.com', 'http://localhost.evil.com', 'https://'])('%s is a config error and sends nothing', async (domain) => {
    const stub = stubFetch(profile)
    const error = await failure(createAccountClient({ token: TOKEN, domain, fetch: stub.fetch }).getUserProfile())
    expect(error).toMatchObject({ kind: 'config', status: null, path: '/oauth2/v2/user_profile' })
    expect(stub.calls).toHaveLength(0)
  })

  test('an http iss is refused too', async () => {
    const { fakeJwt } = await import('../token/jwt')
    const stub = stubFetch(profile)
    const error = await failure(createAccountClient({ token: fakeJwt({ iss: 'http://acme.kinde.com', sub: 'kp_1' }), fetch: stub.fetch }).getRoles())
    expect(error.kind).toBe('config')
    expect(stub.calls).toHaveLength(0)
  })

  test('a JWT whose iss is not a string needs a domain', async () => {
    const { fakeJwt } = await import('../token/jwt')
    const stub = stubFetch(profile)
    const error = await failure(createAccountClient({ token: fakeJwt({ iss: 123, sub: 'kp_1' }), fetch: stub.fetch }).getRoles())
    expect(error.kind).toBe('config')
    expect(stub.calls).toHaveLength(0)
  })

  test('a token that is not a JWT needs a domain', async () => {
    const stub = stubFetch(profile)
    const error = await failure(createAccountClient({ token: 'opaque-token', fetch: stub.fetch }).getUserProfile())
    expect(error.kind).toBe('config')
    expect(error.message).not.toContain('opaque-token')
    expect(stub.calls).toHaveLength(0)
    await createAccountClient({ token: 'opaque-token', domain: 'https://acme.kinde.com', fetch: stub.fetch }).getUserProfile()
    expect(stub.calls).toHaveLength(1)
  })
})

describe('isAccountApiError', () => {
  test('knows an error thrown by another copy of the library (an app that loads both the CJS and the ESM build)', async () => {
    vi.resetModules()
    const other = (await import('kinde-account-sync')) as typeof import('kinde-account-sync')
    expect(other.AccountApiError).not.toBe(AccountApiError) // really a second copy, with its own class
    const error = await createAccountClient({ token: TOKEN, fetch: stubFetch(() => json({}, 429)).fetch }).getRoles().catch((e: unknown) => e)
    expect(other.isAccountApiError(error)).toBe(true)
    expect(error instanceof other.AccountApiError).toBe(false) // which is why instanceof alone is not enough
  })

  test('a look-alike that is not one is refused: a plain Error, an object with the name, an Error without a kind', () => {
    expect(isAccountApiError(new Error('x'))).toBe(false)
    expect(isAccountApiError({ name: 'AccountApiError', kind: 'network' })).toBe(false)
    expect(isAccountApiError(Object.assign(new Error('x'), { name: 'AccountApiError' }))).toBe(false)
    expect(isAccountApiError(null)).toBe(false)
  })
})
