// What a failure of this tab's own request tells the other tabs (rule 17).
import { expect, test, vi } from 'vitest'
import { AccountApiError, type AccountApiErrorKind } from '../../src/client/errors'
import { createHost } from '../../src/store/host'
import type { TabSync } from '../../src/tabs/types'

function hostWith(leader: boolean) {
  const postFailure = vi.fn()
  const tabs = { current: { leader, postFailure } as unknown as TabSync, leaving: new Set<TabSync>() }
  const host = createHost({ config: {} as never, session: {} as never, gateway: {} as never, tabs, disk: {} as never, destroyed: () => false })
  const fail = (kind: AccountApiErrorKind) => host.failed('roles', new AccountApiError({ kind, method: 'GET', path: '/account_api/v1/roles', status: 500, message: 'secret detail' }))
  return { postFailure, fail }
}

test('a follower posts the failures of its own requests, a 429 among them, but not a refusal of its own token', () => {
  const { postFailure, fail } = hostWith(false)
  fail('rate_limited')
  fail('server')
  fail('unauthorized')
  expect(postFailure.mock.calls.map(([key, f]) => [key, f.kind])).toEqual([['roles', 'rate_limited'], ['roles', 'server']])
})

test('the leader posts every failure, a 401 too, and never the message text', () => {
  const { postFailure, fail } = hostWith(true)
  fail('unauthorized')
  expect(postFailure).toHaveBeenCalledTimes(1)
  const [, failure] = postFailure.mock.calls[0]!
  expect(failure).toEqual({ kind: 'unauthorized', status: 500, code: null, retryAfterMs: null, method: 'GET', path: '/account_api/v1/roles' })
})
