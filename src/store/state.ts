import type { AccountApiError } from '../client/errors'
import type { ResourceState } from './types'

/**
 * Everything that changes a ResourceState, as one union (TanStack query.ts style). `status` says
 * what data we have; `fetching` says what the network is doing; the reducer keeps them apart.
 */
export type ResourceAction<T> =
  | { type: 'reset' } // signed out: every field cleared
  | { type: 'signedIn' } // a new identity, nothing of it shown yet
  | { type: 'hydrate'; data: T; updatedAt: number } // persisted data of this identity
  | { type: 'fetch' } // an attempt starts
  | { type: 'success'; data: T; updatedAt: number; source: 'network' | 'tab' }
  | { type: 'failure'; error: AccountApiError; retrying: boolean }
  | { type: 'idle' } // no attempt runs any more (offline, cool-down wait, aborted)
  | { type: 'age'; stale: boolean }

export const idleState = <T>(): ResourceState<T> => ({
  status: 'idle', data: undefined, error: undefined, fetching: false, source: undefined, updatedAt: undefined, stale: false,
})

export function reduce<T>(state: ResourceState<T>, action: ResourceAction<T>): ResourceState<T> {
  switch (action.type) {
    case 'reset':
      return idleState()
    case 'signedIn':
      return { ...idleState<T>(), status: 'loading' }
    case 'hydrate':
      if (state.data !== undefined) return state // the network (or a tab) answered first: it wins
      return { ...state, status: 'ready', data: action.data, source: 'cache', updatedAt: action.updatedAt, stale: true }
    case 'fetch':
      return { ...state, fetching: true, status: state.data === undefined ? 'loading' : 'ready' }
    case 'success':
      return {
        status: 'ready', data: action.data, error: undefined, fetching: false,
        source: action.source, updatedAt: action.updatedAt, stale: false,
      }
    case 'failure':
      return {
        ...state,
        error: action.error,
        fetching: action.retrying,
        // without data the row says: loading while retries are left, error once they are used up
        status: state.data !== undefined ? 'ready' : action.retrying ? 'loading' : 'error',
      }
    case 'idle':
      return state.fetching ? { ...state, fetching: false } : state
    case 'age':
      return state.data === undefined || state.stale === action.stale ? state : { ...state, stale: action.stale }
  }
}

/** Field-by-field comparison so an action that changes nothing notifies nobody. */
export function sameState<T>(a: ResourceState<T>, b: ResourceState<T>): boolean {
  for (const k in a) if (a[k as keyof ResourceState<T>] !== b[k as keyof ResourceState<T>]) return false
  return true
}
