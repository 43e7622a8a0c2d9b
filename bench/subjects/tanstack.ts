// @tanstack/query-core as its docs suggest: one QueryClient, one QueryObserver per component,
// default retries; the token lives in the query function and a new token invalidates all queries.
// `environmentManager.setIsServer(() => false)` makes Node behave like a browser (retries, timers).
import { environmentManager, QueryClient, QueryObserver } from '@tanstack/query-core'
import { fetchKinde } from '../apps/kinde-fetch'
import type { Name } from '../lib/stub'
import { ISS } from '../lib/token'
import type { Instance, Subject, SubjectOptions } from './types'

export function createClient(o: SubjectOptions, getToken: () => string) {
  environmentManager.setIsServer(() => false)
  const client = new QueryClient()
  client.mount()
  const options = (name: Name) => ({
    queryKey: ['kinde', name],
    queryFn: ({ signal }: { signal: AbortSignal }) => fetchKinde(name, { domain: ISS, getToken, fetch: o.stub.fetch, signal }),
  })
  return { client, options }
}

export const tanstack: Subject = {
  name: 'TanStack query-core',
  create(o) {
    let token = o.token
    const { client, options } = createClient(o, () => token)
    // The app's own subscription that keeps each resource synced (as our store does eagerly).
    const keep = o.names.map((name) => new QueryObserver(client, options(name)).subscribe(() => {}))
    const state = (name: Name) => client.getQueryState(['kinde', name])
    const inst: Instance = {
      subscribe: (name, fn) => new QueryObserver(client, options(name)).subscribe(fn),
      data: (name) => client.getQueryData(['kinde', name]),
      settled: (name) => { const s = state(name); return s?.status === 'success' && s.fetchStatus === 'idle' && !s.error },
      failed: (name) => !!state(name)?.error,
      empty: (name) => state(name)?.data === undefined,
      hasPermission: (key, fn) => new QueryObserver(client, {
        ...options('permissions'),
        select: (d: any) => d.permissions.some((p: { key: string }) => p.key === key),
        notifyOnChangeProps: ['data'],
      }).subscribe((r) => fn(r.data as boolean)),
      poll: (name) => { void client.refetchQueries({ queryKey: ['kinde', name] }, { cancelRefetch: false }) },
      refreshAll: () => { void client.refetchQueries() },
      changeToken: (t) => { token = t; void client.invalidateQueries() },
      destroy: () => { keep.forEach((off) => off()); client.clear(); client.unmount() },
    }
    return inst
  },
}
