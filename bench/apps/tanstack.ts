// The same app with @tanstack/query-core and its persister over idb-keyval (the documented
// "IndexedDB persister" recipe). Bundled by bench/lib/size.ts; never run.
import { QueryClient, QueryObserver } from '@tanstack/query-core'
import { persistQueryClient } from '@tanstack/query-persist-client-core'
import { del, get, set } from 'idb-keyval'
import { fetchKinde, KINDE_PATHS, type KindeResource } from './kinde-fetch'

declare const kinde: { getToken(): Promise<string | null>; domain: string }
declare function render(name: string, value: unknown): void

const week = 7 * 24 * 3600_000
const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: week, refetchInterval: 60_000 } } })
queryClient.mount()
// `as never`: the persister pins query-core 5.104 while the app has 5.108; the runtime is compatible.
persistQueryClient({
  queryClient: queryClient as never,
  maxAge: week,
  persister: {
    persistClient: (client) => set('kinde-account', client),
    restoreClient: () => get('kinde-account'),
    removeClient: () => del('kinde-account'),
  },
})
for (const name of Object.keys(KINDE_PATHS) as KindeResource[]) {
  new QueryObserver(queryClient, {
    queryKey: ['kinde', name],
    queryFn: ({ signal }) => fetchKinde(name, { domain: kinde.domain, getToken: () => kinde.getToken(), signal }),
  }).subscribe((result) => render(name, result))
}
