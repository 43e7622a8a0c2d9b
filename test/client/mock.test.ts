import { describe } from 'vitest'
import { clientAgainstMock } from './mock-suite'

describe('the client against the mock, in-process', () => {
  clientAgainstMock(async (api) => ({ api, fetch: api.fetch }))
})
