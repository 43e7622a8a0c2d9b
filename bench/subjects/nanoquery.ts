// @nanostores/query as its docs suggest: one nanoquery() context, one fetcher store per resource
// (module-level in an app), components subscribe to the store; a new token revalidates every key
// (keeps data while refetching, unlike invalidateKeys).
import { nanoquery, type FetcherStore } from '@nanostores/query'
import { computed } from 'nanostores'
import { fetchKinde, type KindeResource } from '../apps/kinde-fetch'
import type { Name } from '../lib/stub'
import { ISS } from '../lib/token'
import type { Subject } from './types'

export const nanoq: Subject = {
  name: '@nanostores/query',
  create(o) {
    let token = o.token
    const [createFetcherStore, , { revalidateKeys }] = nanoquery({
      fetcher: (name) => fetchKinde(name as KindeResource, { domain: ISS, getToken: () => token, fetch: o.stub.fetch }),
    })
    const stores = Object.fromEntries(o.names.map((n) => [n, createFetcherStore<unknown>([n])])) as Record<Name, FetcherStore>
    const keep = o.names.map((n) => stores[n].subscribe(() => {}))
    const v = (name: Name) => stores[name].get()
    return {
      subscribe: (name, fn) => stores[name].subscribe(fn),
      data: (name) => v(name).data,
      settled: (name) => !v(name).loading && v(name).data !== undefined && !v(name).error,
      failed: (name) => v(name).error !== undefined,
      empty: (name) => v(name).data === undefined,
      hasPermission: (key, fn) => computed(stores.permissions, (x) =>
        !!(x.data as any)?.permissions?.some((p: { key: string }) => p.key === key)).listen(fn),
      poll: (name) => stores[name].revalidate(),
      refreshAll: () => revalidateKeys(() => true),
      changeToken: (t) => { token = t; revalidateKeys(() => true) },
      destroy: () => keep.forEach((off) => off()),
    }
  },
}
