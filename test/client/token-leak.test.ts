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
