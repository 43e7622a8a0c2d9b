// @vitest-environment node
// Node's own fetch over a real socket: happy-dom's fetch would add its CORS rules on top.
import { describe } from 'vitest'
import { clientAgainstMock } from './mock-suite'

describe('the client against the mock, over HTTP', () => {
  clientAgainstMock(async (api) => {
    const server = await api.listen()
    return { api, fetch: globalThis.fetch, close: server.close }
  })
})
