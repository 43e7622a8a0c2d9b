// Rule 17, "tabs share the truth", on real stores: stores in one process share Node's
// BroadcastChannel and the in-process Web Locks double.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createMockAccountApi, type MockAccountApi } from 'kinde-account-sync/mock'
import type { AccountStore, AccountStoreOptions } from 'kinde-account-sync'
import { createTabSync } from '../../src/tabs'
import { scopeName } from '../../src/tabs/messages'
import { linkTabs, type TabHost } from '../../src/store/tabs'
import type { Pipeline } from '../../src/store/resource/pipeline'
import { createLockManager } from './support/locks'
import { advance, flush, makeStore, until, useFakeTime } from '../store/helpers'

beforeEach(useFakeTime)
afterEach(() => { vi.restoreAllMocks(); vi.useRealTimers() })

type Locks = ReturnType<typeof createLockManager>
function tab(api: MockAccountApi, token: string, locks: Locks, options: Partial<AccountStoreOptions> = {}): AccountStore {
  return makeStore(
    { token, fetch: api.fetch, persist: false, crossTab: true, refreshInterval: 1000, ...options },
    { createTabSync: (o) => createTabSync({ ...o, locks: locks as unknown as LockManager }) },
  )
}

describe('tabs share the truth (rule 17)', () => {
  test('during a 429 every tab shows the same error and the same end of the cool-down', async () => {
    const api = createMockAccountApi({ now: () => Date.now() })
    const locks = createLockManager()
    const token = await api.issueToken('kp_alice')
    const a = tab(api, token, locks, { resources: ['roles'] })
    await until(() => a.roles.get().status === 'ready' && a.$session.get().leader, 'a leads')
    const b = tab(api, token, locks, { resources: ['roles'] })
    await until(() => b.roles.get().source === 'tab', 'b follows')
    // what b shows at every emission, from here on
    const seen: Array<string | undefined> = []
    b.roles.$state.listen((s) => seen.push(s.error?.kind))
    api.fault('roles', { status: 429, rateLimitReset: 30 }, { times: 1 })
    await a.roles.refresh()
    expect(a.roles.get().error?.kind).toBe('rate_limited')
    await until(() => b.roles.get().error !== undefined, 'the error reached b')
    for (const s of [a, b]) {
      expect(s.roles.get()).toMatchObject({ status: 'ready', fetching: false, error: { kind: 'rate_limited', status: 429 } })
    }
    expect(b.$session.get().rateLimitedUntil).toBe(a.$session.get().rateLimitedUntil)
    expect(b.roles.get().data).toEqual(a.roles.get().data) // data kept beside the error
    // after the cool-down the leader fetches again, and its fresh state clears the error everywhere
    await advance(31_000, 500)
    await until(() => !a.roles.get().error && !b.roles.get().error, 'errors cleared')
    expect(seen.filter((k) => k !== undefined).every((k) => k === 'rate_limited')).toBe(true)
    expect(seen.at(-1)).toBeUndefined()
  })

  test('a 429 that lands after the leader lost its lead still reaches every tab, with its error', async () => {
    const api = createMockAccountApi({ now: () => Date.now() })
    const locks = createLockManager()
    const token = await api.issueToken('kp_alice')
    // a's timers stop when it hangs (a busy page): no beats, so b takes the lead over
    let hung = false
    const a = makeStore(
      { token, fetch: api.fetch, persist: false, crossTab: true, refreshInterval: false, resources: ['roles'] },
      { createTabSync: (o) => createTabSync({ ...o, locks: locks as unknown as LockManager,
        every: (ms, fn) => { const id = setInterval(() => { if (!hung) fn() }, ms); return () => clearInterval(id) } }) },
    )
    await until(() => a.roles.get().status === 'ready' && a.$session.get().leader, 'a leads')
    const b = tab(api, token, locks, { resources: ['roles'], refreshInterval: false })
    await until(() => b.roles.get().source === 'tab', 'b follows')
    // a's request is on its way when a hangs; its 429 comes back after b took the lead
    api.fault('roles', { latency: 6000 }, { times: 1 })
    api.fault('roles', { status: 429, rateLimitReset: 30 }, { times: 1 })
    hung = true
    void a.roles.refresh()
    await flush(4) // a's request reaches the API and takes the two faults
    // b, once leading, fetches what it knows only from a; its request is still out when a's 429 lands
    api.fault('roles', { latency: 20_000 }, { times: 1 })
    await until(() => b.$session.get().leader, 'b took the lead', 5000)
    await until(() => a.roles.get().error !== undefined, 'a got its 429', 5000)
    expect(a.$session.get().leader).toBe(false)
    expect(a.roles.get().error?.kind).toBe('rate_limited')
    await until(() => b.roles.get().error !== undefined, 'the error reached b', 2000)
    expect(b.$session.get().rateLimitedUntil).toBe(a.$session.get().rateLimitedUntil)
    // shown beside b's own request, which says how it went when it lands
    expect(b.roles.get()).toMatchObject({ status: 'ready', fetching: true, error: { kind: 'rate_limited', status: 429 } })
  })

  test('a tab opened during the cool-down learns it at start and sends nothing until it ends', async () => {
    const api = createMockAccountApi({ now: () => Date.now() })
    const locks = createLockManager()
    const token = await api.issueToken('kp_alice')
    const a = tab(api, token, locks)
    await until(() => a.$session.get().leader && a.profile.get().status === 'ready', 'a ready')
    api.fault('profile', { status: 429, rateLimitReset: 20 }, { times: 1 })
    await a.profile.refresh()
    const until429 = a.$session.get().rateLimitedUntil
    expect(until429).not.toBeNull()
    api.clearRequests()
    const b = tab(api, token, locks)
    await until(() => b.$session.get().rateLimitedUntil !== null, 'b knows the cool-down')
    expect(b.$session.get().rateLimitedUntil).toBe(until429)
    expect(b.profile.get().error?.kind).toBe('rate_limited') // and the leader's error with it
    await advance(15_000, 500)
    expect(api.requests).toEqual([]) // neither tab sent anything during the cool-down
    await advance(10_000, 500)
    await until(() => b.profile.get().error === undefined, 'recovered')
    // after it, one poller: b asked nothing of its own (every request came from the leader's polls)
    expect(b.$session.get().leader).toBe(false)
  })

  test('without an answer at start, the new tab does not know of a cool-down: the 2 s fallback still fetches', async () => {
    const api = createMockAccountApi({ now: () => Date.now() })
    const locks = createLockManager()
    const token = await api.issueToken('kp_alice')
    const identity = { iss: api.baseUrl, sub: 'kp_alice', orgCode: api.orgCodes('kp_alice')[0]! }
    void locks.request(`${scopeName(api.baseUrl, identity)}|leader`, () => new Promise(() => {})).catch(() => {})
    const b = makeStore(
      { token, fetch: api.fetch, persist: false, crossTab: true, resources: ['roles'] },
      { createTabSync: (o) => createTabSync({ ...o, locks: locks as unknown as LockManager, liveness: { leaseMs: 60_000 } }) },
    )
    await advance(2500)
    await until(() => b.roles.get().source === 'network', 'fetched itself')
  })
})

describe('messages from other tabs are validated in the store too', () => {
  function host(pipelines: Array<Pipeline<unknown>>) {
    const created: string[] = []
    const h: TabHost = {
      epoch: () => 1,
      find: (key) => { created.push(key); return undefined },
      active: () => pipelines,
      all: () => pipelines,
      leaderChanged() {},
      cooldown: vi.fn(),
      rateLimitedUntil: () => null,
      signedOutElsewhere() {},
    }
    return { h, created }
  }

  test('a state, a failure or a refresh request for a key this tab does not know creates nothing', async () => {
    const { h, created } = host([])
    const identity = { iss: 'https://acme.kinde.com', sub: 'kp_alice', orgCode: 'org_1' }
    const sync = linkTabs('https://acme.kinde.com', identity, h, (o) => createTabSync({ ...o, locks: null }))!
    const stranger = new BroadcastChannel(scopeName('https://acme.kinde.com', identity))
    const entry = { data: { featureKey: 'zzz' }, updatedAt: 1 }
    stranger.postMessage({ type: 'state', identity, resource: 'entitlement:zzz', entry })
    stranger.postMessage({ type: 'failed', identity, resource: 'entitlement:zzz',
      failure: { kind: 'server', status: 500, code: null, retryAfterMs: null, method: 'GET', path: '/x' } })
    stranger.postMessage({ type: 'refresh', identity, resource: 'entitlement:zzz', from: 'x', id: '1' })
    const answers: unknown[] = []
    stranger.onmessage = (e) => { if (e.data.type === 'refreshed') answers.push(e.data) }
    await until(() => answers.length > 0, 'an answer')
    expect(answers[0]).toMatchObject({ type: 'refreshed', id: '1', entry: null, unknown: true })
    expect(created).toEqual([])
    stranger.close()
    sync.close()
  })

  test('a cool-down from another tab is capped at 24 h', async () => {
    const { h } = host([])
    const identity = { iss: 'https://acme.kinde.com', sub: 'kp_alice', orgCode: 'org_1' }
    const sync = linkTabs('https://acme.kinde.com', identity, h, (o) => createTabSync({ ...o, locks: null }))!
    const stranger = new BroadcastChannel(scopeName('https://acme.kinde.com', identity))
    stranger.postMessage({ type: 'cooldown', identity, until: Date.now() + 365 * 86_400_000 })
    await until(() => (h.cooldown as ReturnType<typeof vi.fn>).mock.calls.length > 0, 'the cool-down')
    expect((h.cooldown as ReturnType<typeof vi.fn>).mock.calls[0]![0]).toBe(Date.now() + 86_400_000)
    stranger.close()
    sync.close()
    await flush()
  })
})
