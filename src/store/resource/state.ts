import type { AccountApiError } from '../../client/errors'
import { deepEqual } from '../equal'
import type { ResourceState } from '../types'

/**
 * Everything that changes a ResourceState, as one union (TanStack query.ts style). `status` says
 * what data we have; `fetching` says what the network is doing; the reducer keeps them apart.
 */
export type ResourceAction<T> =
  | { type: 'reset' } // signed out: every field cleared
  | { type: 'signedIn' } // a new identity, nothing of it shown yet
  | { type: 'hydrate'; data: T; updatedAt: number } // persisted data of this identity
  | { type: 'fetch' } // an attempt starts (or its request leaves)
  | { type: 'success'; data: T; updatedAt: number; source: 'network' | 'tab' }
  | { type: 'failure'; error: AccountApiError; retrying: boolean }
  | { type: 'idle' } // no attempt runs any more (offline, cool-down wait, paused, aborted)
  | { type: 'age'; stale: boolean }

/** The state's data came from the API in this session (this tab's request or another tab's), not from disk. */
export const answeredByApi = <S extends ResourceState<unknown>>(state: S | undefined): state is S & { source: 'network' | 'tab' } =>
  state?.source === 'network' || state?.source === 'tab'

export const idleState = <T>(): ResourceState<T> => ({
  status: 'idle', data: undefined, error: undefined, fetching: false, source: undefined, updatedAt: undefined, stale: false,
})

/**
 * `status` follows from the other fields, in one place (ARCHITECTURE.md, "State table"): data is
 * `ready`; no data and an error nothing is retrying is `error`; no data otherwise is `loading`.
 */
function settle<T>(state: ResourceState<T>): ResourceState<T> {
  if (state.status === 'idle') return state
  const status = state.data !== undefined ? 'ready' : state.error !== undefined && !state.fetching ? 'error' : 'loading'
  return status === state.status ? state : { ...state, status }
}

function next<T>(state: ResourceState<T>, action: ResourceAction<T>): ResourceState<T> {
  switch (action.type) {
    case 'reset':
      return idleState()
    case 'signedIn': // the first attempt of the identity is under way (here, or in the leader tab)
      return { ...idleState<T>(), status: 'loading', fetching: true }
    case 'hydrate':
      if (state.status === 'idle' || state.data !== undefined) return state // the network (or a tab) answered first: it wins
      return { ...state, status: 'ready', data: action.data, source: 'cache', updatedAt: action.updatedAt, stale: true }
    case 'fetch':
      return state.status === 'idle' || state.fetching ? state : { ...state, fetching: true, status: 'loading' }
    case 'success': {
      if (state.status === 'idle') return state
      // rule 4: an answer deep-equal to the data shown keeps the data's reference
      const data = state.data !== undefined && deepEqual(state.data, action.data) ? state.data : action.data
      return { status: 'ready', data, error: undefined, fetching: false, source: action.source, updatedAt: action.updatedAt, stale: false }
    }
    case 'failure':
      return state.status === 'idle' ? state : { ...state, error: action.error, fetching: action.retrying }
    case 'idle':
      // Nothing to show and nothing went wrong: the first answer is still awaited (offline, a
      // cool-down, the leader tab), so the row stays `loading` and fetching, never a dead `loading`.
      if (state.data === undefined && state.error === undefined) return state
      return state.fetching ? { ...state, fetching: false } : state
    case 'age':
      return state.data === undefined || state.stale === action.stale ? state : { ...state, stale: action.stale }
  }
}

/** The state table as one reducer: every row of it, and nothing else, changes a ResourceState. */
export function reduce<T>(state: ResourceState<T>, action: ResourceAction<T>): ResourceState<T> {
  const result = next(state, action)
  return result === state ? state : settle(result)
}

/** Field-by-field comparison so an action that changes nothing notifies nobody. */
export function sameState<T>(a: ResourceState<T>, b: ResourceState<T>): boolean {
  for (const k in a) if (a[k as keyof ResourceState<T>] !== b[k as keyof ResourceState<T>]) return false
  return true
}
