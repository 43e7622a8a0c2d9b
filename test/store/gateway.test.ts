// The one request path on its own: no store, no mock, a fetch stub and a fake session.
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { atom } from 'nanostores'
import { createCooldownGate } from '../../src/schedule/cooldown'
import { createGateway } from '../../src/store/gateway'

beforeEach(() => { vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) }) })
afterEach(() => { vi.useRealTimers() })

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })
const page = (key: string, next: string | null) =>
  json(200, { data: { org_code: 'org', roles: [{ id: key, key, name: key }] }, metadata: { has_more: next !== null, next_page_starting_after: next } })

function harness(answers: Array<Response | (() => Promise<Response>)>) {
  const sent: Array<{ url: string; auth: string | null; at: number }> = []
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ url: String(input), auth: new Headers(init?.headers).get('authorization'), at: Date.now() })
    const next = answers.shift()
    if (!next) throw new Error('no more answers')
    return typeof next === 'function' ? next() : next
  })
  const session = {
    epoch: 1, token: 'tok-1' as string | null, expiresAt: Infinity, paused: false, signal: new AbortController(),
    unauthorized: vi.fn(),
  }
  const gate = createCooldownGate({ onChange: () => {} })
  const cooledDown = vi.fn()
  const gateway = createGateway({
    session: {
      epoch: () => session.epoch, token: () => session.token, signal: () => session.signal.signal,
      read: async () => undefined, paused: () => session.paused, expired: () => Date.now() >= session.expiresAt,
      unauthorized: session.unauthorized, $claims: atom(null),
    },
    gate,
    config: { domain: 'https://acme.kinde.com', fetch: fetch as typeof globalThis.fetch, timeout: 5000, pageSize: 1,
      retry: { attempts: 3, baseDelay: 1000, maxDelay: 60_000 }, random: () => 0.5, now: () => Date.now() },
    cooledDown,
  })
  return { gateway, session, gate, sent, cooledDown }
}

const roles = { method: 'GET' as const, path: '/account_api/v1/roles' }

test('an answer comes back as ok, sent with the current token', async () => {
  const h = harness([page('a', null)])
  const out = await h.gateway.send((c, signal) => c.getRoles({ signal }), roles)
  expect(out).toMatchObject({ type: 'ok', value: { roles: [{ key: 'a' }] } })
  expect(h.sent[0]!.auth).toBe('Bearer tok-1')
})

test('a token that expires between two pages never leaves on page 2', async () => {
  const h = harness([() => { h.session.expiresAt = Date.now(); return Promise.resolve(page('a', 'a')) }, page('b', null)])
  const out = await h.gateway.send((c, signal) => c.getRoles({ signal }), roles)
  expect(out).toMatchObject({ type: 'unauthorized', error: { kind: 'unauthorized' } })
  expect(h.sent).toHaveLength(1)
  expect(h.session.unauthorized).toHaveBeenCalledOnce()
})

test('page 2 waits out a cool-down that began meanwhile, and its timeout starts only then', async () => {
  const h = harness([() => { h.gate.extend(Date.now() + 60_000); return Promise.resolve(page('a', 'a')) }, page('b', null)])
  const pending = h.gateway.send((c, signal) => c.getRoles({ signal }), roles)
  await vi.advanceTimersByTimeAsync(59_000)
  expect(h.sent).toHaveLength(1)
  await vi.advanceTimersByTimeAsync(2000)
  expect(await pending).toMatchObject({ type: 'ok', value: { roles: [{ key: 'a' }, { key: 'b' }] } })
})

test('a 429 starts the shared cool-down (capped at a day) and tells the other tabs', async () => {
  const h = harness([json(429, {}, { 'retry-after': String(30 * 86_400) })])
  const out = await h.gateway.send((c, signal) => c.getRoles({ signal }), roles)
  expect(out.type).toBe('rate_limited')
  expect(h.gate.until()! - Date.now()).toBe(86_400_000)
  expect(h.cooledDown).toHaveBeenCalledWith(h.gate.until())
})

test('a refusal of the current token is unauthorized; of a token replaced meanwhile, replaced', async () => {
  const h = harness([json(401, {}), () => { h.session.token = 'tok-2'; return Promise.resolve(json(401, {})) }])
  expect((await h.gateway.send((c) => c.getRoles(), roles)).type).toBe('unauthorized')
  expect(h.session.unauthorized).toHaveBeenCalledOnce()
  expect((await h.gateway.send((c) => c.getRoles(), roles)).type).toBe('replaced')
  expect(h.session.unauthorized).toHaveBeenCalledOnce()
})

test('a paused token sends nothing, except for actions (never when expired)', async () => {
  const h = harness([json(200, { url: 'https://x' })])
  h.session.paused = true
  expect(await h.gateway.send((c) => c.getRoles(), roles)).toEqual({ type: 'paused' })
  expect((await h.gateway.send((c) => c.getPortalLink(), { method: 'GET', path: '/p', evenIfPaused: true })).type).toBe('ok')
  h.session.expiresAt = 0
  expect((await h.gateway.send((c) => c.getPortalLink(), { method: 'GET', path: '/p', evenIfPaused: true })).type).toBe('unauthorized')
  expect(h.sent).toHaveLength(1)
})

test('an answer that arrives after the identity changed is stale, and so is a request of an earlier identity', async () => {
  const h = harness([() => { h.session.epoch = 2; return Promise.resolve(page('a', null)) }])
  expect(await h.gateway.send((c) => c.getRoles(), roles)).toEqual({ type: 'stale' })
  h.session.token = null
  expect(await h.gateway.send((c) => c.getRoles(), roles)).toEqual({ type: 'stale' })
  expect(h.sent).toHaveLength(1)
})

test('network, 5xx and timeouts are retryable failures; other statuses are not', async () => {
  const h = harness([json(503, {}), json(404, {})])
  expect(await h.gateway.send((c) => c.getRoles(), roles)).toMatchObject({ type: 'failed', retryable: true, error: { kind: 'server' } })
  expect(await h.gateway.send((c) => c.getRoles(), roles)).toMatchObject({ type: 'failed', retryable: false, error: { kind: 'http' } })
})

test('a request lets go of the session signal when it ends: a long session does not pile up listeners', async () => {
  const h = harness(Array.from({ length: 20 }, () => page('a', null)))
  const live = new Set<unknown>()
  const sessionSignal = h.session.signal.signal
  const add = sessionSignal.addEventListener.bind(sessionSignal)
  const remove = sessionSignal.removeEventListener.bind(sessionSignal)
  sessionSignal.addEventListener = ((type: string, fn: unknown, o?: unknown) => { live.add(fn); add(type, fn as EventListener, o as AddEventListenerOptions) }) as typeof add
  sessionSignal.removeEventListener = ((type: string, fn: unknown, o?: unknown) => { live.delete(fn); remove(type, fn as EventListener, o as EventListenerOptions) }) as typeof remove
  for (let i = 0; i < 20; i++) {
    const own = new AbortController() // a pipeline's per-cycle signal, as every resource read passes one
    const out = await h.gateway.send((c, signal) => c.getRoles({ signal }), { ...roles, signal: own.signal })
    expect(out.type).toBe('ok')
  }
  expect(live.size).toBe(0)
  // and the link still works while a request runs: the identity changing aborts it
  const slow = harness([() => new Promise<Response>(() => {})])
  const pending = slow.gateway.send((c, signal) => c.getRoles({ signal }), { ...roles, signal: new AbortController().signal })
  await vi.advanceTimersByTimeAsync(0)
  slow.session.epoch = 2
  slow.session.signal.abort()
  await expect(pending).resolves.toEqual({ type: 'stale' })
})
