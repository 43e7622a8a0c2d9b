// The same app with @nanostores/query. It has no persister: the cache is a Map, so persistence is
// hand-rolled over idb-keyval (restore before the first fetch, write after each answer).
// Bundled by bench/lib/size.ts; never run.
import { nanoquery } from '@nanostores/query'
import { get, set } from 'idb-keyval'
import { fetchKinde, KINDE_PATHS, type KindeResource } from './kinde-fetch'

declare const kinde: { getToken(): Promise<string | null>; domain: string }
declare function render(name: string, value: unknown): void

const cache = new Map<string, any>()
const [createFetcherStore] = nanoquery({
  cache,
  revalidateInterval: 60_000,
  fetcher: (name) => fetchKinde(name as KindeResource, { domain: kinde.domain, getToken: () => kinde.getToken() }),
})
get('kinde-account').then((saved?: Array<[string, any]>) => {
  for (const [key, entry] of saved ?? []) if (!cache.has(key)) cache.set(key, { ...entry, created: 0, expires: Infinity })
  for (const name of Object.keys(KINDE_PATHS) as KindeResource[]) {
    createFetcherStore<any>([name]).subscribe((value) => {
      render(name, value)
      if (value.data !== undefined) set('kinde-account', [...cache].map(([k, e]) => [k, { data: e.data }]))
    })
  }
})
