// ARCHITECTURE.md, "State table": one test per row, on the reducer alone.
import { describe, expect, test } from 'vitest'
import { AccountApiError } from '../../../src/client/errors'
import { idleState, reduce, type ResourceAction } from '../../../src/store/resource/state'
import type { ResourceState } from '../../../src/store/types'

type Data = { items: string[] }
const run = (actions: ResourceAction<Data>[], from: ResourceState<Data> = idleState()): ResourceState<Data> =>
  actions.reduce(reduce, from)
const error = (kind: AccountApiError['kind']) => new AccountApiError({ kind, method: 'GET', path: '/x' })
const signedIn = run([{ type: 'signedIn' }])
const withData = run([{ type: 'signedIn' }, { type: 'success', data: { items: ['a'] }, updatedAt: 1, source: 'network' }])

describe('state table', () => {
  test('signed out: idle, all fields cleared (with or without data)', () => {
    expect(run([{ type: 'reset' }], withData)).toEqual(idleState())
    expect(run([{ type: 'reset' }], signedIn)).toEqual(idleState())
  })

  test('signed in, persisted data found: ready from cache, stale, fetching', () => {
    const s = run([{ type: 'hydrate', data: { items: ['c'] }, updatedAt: 5 }, { type: 'fetch' }], signedIn)
    expect(s).toMatchObject({ status: 'ready', source: 'cache', stale: true, fetching: true, updatedAt: 5 })
  })

  test('signed in, nothing persisted: loading, fetching', () => {
    expect(run([{ type: 'fetch' }], signedIn)).toMatchObject({ status: 'loading', fetching: true, data: undefined })
  })

  test('a response arrives: ready from the network, fresh, no error; deep-equal data keeps its reference', () => {
    const answered = run([{ type: 'failure', error: error('network'), retrying: true }, { type: 'success', data: { items: ['a'] }, updatedAt: 9, source: 'network' }], withData)
    expect(answered).toMatchObject({ status: 'ready', source: 'network', stale: false, error: undefined, fetching: false, updatedAt: 9 })
    expect(answered.data).toBe(withData.data)
    const changed = run([{ type: 'success', data: { items: ['b'] }, updatedAt: 10, source: 'network' }], withData)
    expect(changed.data).toEqual({ items: ['b'] })
  })

  test('network / 5xx / timeout with retries left: loading (or ready) with the error, still fetching', () => {
    const action: ResourceAction<Data> = { type: 'failure', error: error('server'), retrying: true }
    expect(run([{ type: 'fetch' }, action], signedIn)).toMatchObject({ status: 'loading', fetching: true, error: { kind: 'server' } })
    expect(run([{ type: 'fetch' }, action], withData)).toMatchObject({ status: 'ready', fetching: true, error: { kind: 'server' } })
  })

  test('retries used up: error without data; ready with the error kept beside data', () => {
    const action: ResourceAction<Data> = { type: 'failure', error: error('timeout'), retrying: false }
    expect(run([{ type: 'fetch' }, action], signedIn)).toMatchObject({ status: 'error', fetching: false })
    expect(run([{ type: 'fetch' }, action], withData)).toMatchObject({ status: 'ready', fetching: false, error: { kind: 'timeout' } })
  })

  test('429: error (rate_limited) without data, not fetching during the cool-down wait', () => {
    const s = run([{ type: 'fetch' }, { type: 'failure', error: error('rate_limited'), retrying: false }, { type: 'idle' }], signedIn)
    expect(s).toMatchObject({ status: 'error', fetching: false, error: { kind: 'rate_limited' } })
    expect(run([{ type: 'failure', error: error('rate_limited'), retrying: false }], withData)).toMatchObject({ status: 'ready' })
  })

  test('unauthorized: error and not fetching, also after an attempt that sent nothing (never loading and idle)', () => {
    const s = run([{ type: 'fetch' }, { type: 'failure', error: error('unauthorized'), retrying: false }, { type: 'fetch' }, { type: 'idle' }], signedIn)
    expect(s).toMatchObject({ status: 'error', fetching: false, error: { kind: 'unauthorized' } })
    expect(run([{ type: 'failure', error: error('unauthorized'), retrying: false }], withData)).toMatchObject({ status: 'ready', data: withData.data })
  })

  test('invalid response: error without data; data kept with it', () => {
    const s = run([{ type: 'failure', error: error('invalid_response'), retrying: false }], withData)
    expect(s).toMatchObject({ status: 'ready', error: { kind: 'invalid_response' } })
    expect(s.data).toBe(withData.data)
    expect(run([{ type: 'failure', error: error('invalid_response'), retrying: false }], signedIn)).toMatchObject({ status: 'error' })
  })

  test('offline or hidden: no attempt starts, fields unchanged', () => {
    expect(run([{ type: 'idle' }], withData)).toBe(withData)
    expect(run([{ type: 'idle' }], signedIn)).toBe(signedIn)
  })

  test('a follower receives the leader\'s state: ready from the tab', () => {
    expect(run([{ type: 'success', data: { items: ['t'] }, updatedAt: 3, source: 'tab' }], signedIn)).toMatchObject({ status: 'ready', source: 'tab' })
  })

  test('no data and no error: an attempt that stops (offline, cool-down, leader tab) leaves loading fetching, never a dead loading', () => {
    const first = run([{ type: 'signedIn' }, { type: 'idle' }])
    expect(first).toMatchObject({ status: 'loading', fetching: true })
  })

  test('identity switch: loading, nothing of the old identity; nothing applies once signed out', () => {
    expect(run([{ type: 'signedIn' }], withData)).toEqual({ ...idleState(), status: 'loading', fetching: true })
    expect(run([{ type: 'reset' }, { type: 'success', data: { items: ['late'] }, updatedAt: 2, source: 'network' }], withData)).toEqual(idleState())
  })

  test('ageing marks data stale without touching anything else', () => {
    expect(run([{ type: 'age', stale: true }], withData)).toMatchObject({ stale: true, data: withData.data })
    expect(run([{ type: 'age', stale: true }], signedIn)).toBe(signedIn)
  })
})
