// Random sequences (fast-check) of token changes, user switches, 429s, 5xx, latency, hidden/visible
// and offline/online, in-process against the mock with fake timers and seeded jitter.
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest'
import fc from 'fast-check'
import { createMockAccountApi, type MockAccountApi } from 'kinde-account-sync/mock'
import type { AccountStore, ResourceName } from 'kinde-account-sync'
import { createAccountStore } from '../../src/store/create'
import { seededRandom } from '../../src/schedule/backoff'
import { createOnlineSignal, createVisibilitySignal } from '../../src/schedule/environment'
import { deepEqual } from '../../src/store/equal'
import { advance, flush, until, useFakeTime } from './helpers'

const NAMES: ResourceName[] = ['profile', 'permissions', 'roles', 'featureFlags', 'properties', 'entitlements']
const USERS = ['kp_alice', 'kp_bob', 'kp_carol']

type Step =
  | { t: 'user'; user: number; fresh: boolean }
  | { t: 'signOut' }
  | { t: 'null' }
  | { t: '429'; reset: number; times: number }
  | { t: '5xx'; times: number }
  | { t: 'latency'; ms: number }
  | { t: 'visible'; on: boolean }
  | { t: 'online'; on: boolean }
  | { t: 'refresh' }
  | { t: 'wait'; ms: number }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ t: fc.constant('user' as const), user: fc.integer({ min: 0, max: 2 }), fresh: fc.boolean() }),
  fc.constant({ t: 'signOut' as const }),
  fc.constant({ t: 'null' as const }),
  fc.record({ t: fc.constant('429' as const), reset: fc.integer({ min: 1, max: 3 }), times: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ t: fc.constant('5xx' as const), times: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ t: fc.constant('latency' as const), ms: fc.integer({ min: 10, max: 3000 }) }),
  fc.record({ t: fc.constant('visible' as const), on: fc.boolean() }),
  fc.record({ t: fc.constant('online' as const), on: fc.boolean() }),
  fc.constant({ t: 'refresh' as const }),
  fc.record({ t: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 4000 }) }),
  fc.record({ t: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 400 }) }),
)

let api: MockAccountApi
const tokens: Record<string, string[]> = {}
/** Each user's server data, to recognise whose data a state holds. */
const truth: Record<string, Record<ResourceName, unknown>> = {}

beforeAll(async () => {
  api = createMockAccountApi({ now: () => Date.now() })
  for (const user of USERS) {
    tokens[user] = [await api.issueToken(user, { expiresIn: 10 * 365 * 86400 }), await api.issueToken(user, { expiresIn: 10 * 365 * 86400, claims: { n: 2 } })]
    const s = createAccountStore({ token: tokens[user]![0]!, fetch: api.fetch, persist: false, crossTab: false })
    await s.refresh()
    truth[user] = Object.fromEntries(NAMES.map((n) => [n, s[n].get().data])) as Record<ResourceName, unknown>
    s.destroy()
  }
})
beforeEach(useFakeTime)
afterEach(() => { vi.useRealTimers() })

const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => { unhandled.push(reason) }
beforeAll(() => { process.on('unhandledRejection', onUnhandled) })
afterAll(() => { process.off('unhandledRejection', onUnhandled) })

const owners = (name: ResourceName, data: unknown): string[] =>
  USERS.filter((u) => deepEqual(truth[u]![name], data))

async function runSequence(steps: Step[], seed: number): Promise<void> {
  api.clearFaults()
  api.clearRequests()
  const visibility = createVisibilitySignal()
  const online = createOnlineSignal()
  visibility.setEventListener(() => {})
  online.setEventListener(() => {})
  visibility.set(true)
  online.set(true)
  const violations: string[] = []
  const inflight = new Map<string, number>()
  let store!: AccountStore
  let currentUser: string | null = null

  const watched: typeof fetch = async (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input))
    const key = url.pathname
    const until = store.$session.get().rateLimitedUntil
    if (until !== null && Date.now() < until) violations.push(`request to ${key} during a cool-down`)
    const n = (inflight.get(key) ?? 0) + 1
    if (n > 1) violations.push(`${n} requests in flight for ${key}`)
    inflight.set(key, n)
    const signal = init?.signal
    // an aborted request no longer counts as in flight, even before the mock notices
    const done = () => inflight.set(key, (inflight.get(key) ?? 1) - 1)
    let counted = true
    const release = () => { if (counted) { counted = false; done() } }
    signal?.addEventListener('abort', release, { once: true })
    // The mock would end an aborted request at once; this one is deaf to the signal, so a late
    // answer of an earlier identity really reaches the store, and only the store can drop it.
    try { return await api.fetch(input, { ...init, signal: undefined }) } finally { release() }
  }

  store = createAccountStore(
    { token: null, fetch: watched, persist: false, crossTab: false, refreshInterval: 3000, retry: { attempts: 2, baseDelay: 200, maxDelay: 2000 } },
    { random: seededRandom(seed), visibility, online },
  )
  const unsubs = NAMES.map((name) => store[name].$state.subscribe((s) => {
    if (s.data === undefined) return
    const who = owners(name, s.data)
    const expected = store.$session.get().userId
    if (expected === null || !who.includes(expected)) violations.push(`${name} shows data of ${who.join(',') || '?'} while ${expected ?? 'signed out'}`)
    if (currentUser !== null && expected !== currentUser) violations.push(`session says ${expected}, last token was ${currentUser}`)
  }))

  for (const s of steps) {
    switch (s.t) {
      case 'user': {
        const user = USERS[s.user]!
        currentUser = user
        store.setToken(tokens[user]![s.fresh ? 1 : 0]!)
        break
      }
      case 'signOut': await store.signOut({ revoke: false }); currentUser = null; break
      case 'null': store.setToken(null); currentUser = null; break
      case '429': api.fault('*', { status: 429, rateLimitReset: s.reset }, { times: s.times }); break
      case '5xx': api.fault('*', { status: 503 }, { times: s.times }); break
      case 'latency': api.fault('*', { latency: s.ms }, { times: 3 }); break
      case 'visible': visibility.set(s.on); break
      case 'online': online.set(s.on); break
      case 'refresh': void store.refresh(); break
      case 'wait': await advance(s.ms, 250); break
    }
    await flush(2)
  }

  // Faults stop: the state converges to the server's data for the last user.
  api.clearFaults()
  visibility.set(true)
  online.set(true)
  const user = USERS[seed % 3]!
  currentUser = user
  store.setToken(tokens[user]![1]!) // after a signOut the old token is ignored; the second one works
  if (store.$session.get().userId !== user) store.setToken(tokens[user]![0]!)
  let settled = false
  void store.refresh().then(() => { settled = true })
  await until(() => settled, 'refresh', 60_000)
  await until(() => NAMES.every((n) => store[n].get().status === 'ready' && !store[n].get().fetching), 'converged', 60_000)
  for (const n of NAMES) expect(owners(n, store[n].get().data)).toContain(user)
  unsubs.forEach((u) => u())
  store.destroy()
  await flush(2)
  expect(violations).toEqual([])
}

test('200 random sequences keep every invariant and converge', async () => {
  await fc.assert(
    fc.asyncProperty(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.array(step, { minLength: 1, maxLength: 20 })).map(([u, rest]): Step[] => [{ t: 'user', user: u, fresh: false }, ...rest]), fc.integer({ min: 0, max: 1_000_000 }), runSequence),
    { numRuns: 200, seed: 20260101, endOnFailure: true },
  )
  expect(unhandled).toEqual([])
}, 600_000)
