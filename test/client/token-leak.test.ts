import { expect, test } from 'vitest'
import { AccountApiError, createAccountClient } from 'kinde-account-sync'
import { TOKEN } from './stub'

// undici (Node's fetch) quotes the whole header in the TypeError it throws for an invalid value
// ("Headers.append: \"Bearer <token>\" is an invalid header value."), e.g. a token read with a
// stray newline inside. console.error(error) prints the cause: the token must not be in it.
test('a fetch error quoting the Authorization header does not carry the token', async () => {
  const quoting = async (_: RequestInfo | URL, init?: RequestInit) => {
    throw new TypeError(`Headers.append: "${new Headers(init?.headers).get('authorization')}" is an invalid header value.`)
  }
  const error = await createAccountClient({ token: TOKEN, fetch: quoting }).getRoles().catch((e: unknown) => e)
  expect(error).toBeInstanceOf(AccountApiError)
  expect(error).toMatchObject({ kind: 'network' })
  const cause = (error as AccountApiError).cause as Error
  expect(cause).toBeInstanceOf(TypeError)
  expect(cause.message).toContain('invalid header value')
  expect(cause.message).not.toContain(TOKEN)
  expect(String(cause.stack)).not.toContain(TOKEN)
})

/** Every level of an error's `cause` chain (cycles stop the walk). */
function chain(error: unknown): unknown[] {
  const levels: unknown[] = []
  for (let e = error; e !== undefined && !levels.includes(e); e = (e as { cause?: unknown } | null)?.cause) levels.push(e)
  return levels
}

const leaks = (value: unknown): boolean =>
  typeof value === 'string' ? value.includes(TOKEN)
    : value instanceof Error ? value.message.includes(TOKEN) || String(value.stack).includes(TOKEN)
      : JSON.stringify(value ?? null).includes(TOKEN)

test('a fetch error nesting the token at any depth of its cause chain is scrubbed at every level', async () => {
  const deep = async () => {
    const innermost = new Error(`invalid header value "Bearer ${TOKEN}"`)
    const middle = new TypeError('request failed', { cause: innermost })
    const message = new Error(`wrapped ${TOKEN} again`, { cause: middle })
    throw new TypeError('fetch failed', { cause: new Error('outer', { cause: message }) })
  }
  const error = await createAccountClient({ token: TOKEN, fetch: deep }).getRoles().catch((e: unknown) => e)
  expect(error).toMatchObject({ kind: 'network' })
  const levels = chain(error)
  expect(levels).toHaveLength(6) // the AccountApiError and all five levels of fetch's error
  for (const level of levels) expect(leaks(level)).toBe(false)
  // what stays: the class and what the message said around the token
  const last = levels.at(-1) as Error
  expect(last.message).toBe('invalid header value "Bearer [token]"')
  expect(levels[1]).toBeInstanceOf(TypeError)
  expect(levels[4]).toBeInstanceOf(TypeError)
})

test('a string cause carrying the token, and a cyclic chain, are scrubbed too', async () => {
  const cyclic = new Error(`loop ${TOKEN}`)
  ;(cyclic as { cause?: unknown }).cause = new Error('back', { cause: cyclic })
  for (const cause of [`Bearer ${TOKEN}`, cyclic]) {
    const failing = async () => { throw new TypeError('fetch failed', { cause }) }
    const error = await createAccountClient({ token: TOKEN, fetch: failing }).getRoles().catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'network' })
    for (const level of chain(error)) expect(leaks(level)).toBe(false)
  }
})

test('a fetch error without the token is passed on as it is', async () => {
  const cause = new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') })
  const error = await createAccountClient({ token: TOKEN, fetch: () => Promise.reject(cause) }).getRoles().catch((e: unknown) => e)
  expect((error as Error).cause).toBe(cause)
})
