// kinde-account-sync as its README shows it: one store, resources sync eagerly while signed in,
// components subscribe to `$state` (or `state$`). Persistence and tabs are off here (the peers
// have neither in these workloads); bench/workloads/hydrate.ts turns persistence on.
import { createAccountStore, type AccountStore } from 'kinde-account-sync'
import type { Name } from '../lib/stub'
import { ISS } from '../lib/token'
import type { Instance, Subject, SubjectOptions } from './types'

export function createOurs(o: SubjectOptions, extra: Record<string, unknown> = {}): AccountStore {
  return createAccountStore({
    token: o.token, domain: ISS, fetch: o.stub.fetch, resources: [...o.names], persist: false, crossTab: false, ...extra,
  })
}

function instance(store: AccountStore, stream: boolean): Instance {
  const st = (name: Name) => store.resource(name).get()
  return {
    subscribe(name, fn) {
      const r = store.resource(name)
      if (!stream) return r.$state.subscribe(fn)
      const sub = r.state$.subscribe(fn)
      return () => sub.unsubscribe()
    },
    data: (name) => st(name).data,
    settled: (name) => { const s = st(name); return s.status === 'ready' && !s.fetching && !s.error },
    failed: (name) => st(name).error !== undefined,
    empty: (name) => st(name).data === undefined,
    hasPermission: (key, fn) => store.hasPermission(key).$value.listen(fn),
    poll: (name) => { void store.resource(name).refresh() },
    refreshAll: () => { void store.refresh() },
    changeToken: (token) => store.setToken(token),
    destroy: () => store.destroy(),
  }
}

export const ours: Subject = { name: 'ours ($state)', create: (o) => instance(createOurs(o), false) }
export const oursStream: Subject = { name: 'ours (state$)', create: (o) => instance(createOurs(o), true) }
