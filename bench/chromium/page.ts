// Runs inside Chromium (bundled by bench/chromium/hydrate.ts). One page load measures both
// libraries: the time from creating the store/client to all six persisted resources shown, with
// the network hanging, on this page load's fresh IndexedDB connections. `?seed` writes the data first.
import { QueryClient, QueryObserver } from '@tanstack/query-core'
import { persistQueryClientRestore, persistQueryClientSave } from '@tanstack/query-persist-client-core'
import { createStore, del, get, keys, set } from 'idb-keyval'
import { createAccountStore, type AccountStore } from 'kinde-account-sync'
import { fetchKinde } from '../apps/kinde-fetch'
import { createStub, NAMES, type Name } from '../lib/stub'

const ITEMS = 1000
const WEEK = 7 * 24 * 3600_000
const ISS = 'https://bench.kinde.local'
const b64 = (v: unknown) => btoa(JSON.stringify(v)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
const now = Math.floor(Date.now() / 1000)
// the same user and org every load (a persisted entry belongs to one identity); unsigned, as in bench/lib/token.ts
const TOKEN = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ iss: ISS, sub: 'kp_bench', org_code: 'org_bench', aud: [], iat: now, exp: now + 3600 })}.c2ln`

const tanstackKv = () => createStore('tanstack-bench', 'kv')
const persister = (kv: ReturnType<typeof createStore>) => ({
  persistClient: (c: unknown) => set('kinde-account', c, kv),
  restoreClient: () => get('kinde-account', kv),
  removeClient: () => del('kinde-account', kv),
})
const hanging = (() => new Promise<Response>(() => {})) as typeof globalThis.fetch
const ours = (fetch: typeof globalThis.fetch): AccountStore =>
  createAccountStore({ token: TOKEN, domain: ISS, fetch, crossTab: false }) // persistence on: the default

/** Both libraries' copies of the same six resources, written once. */
async function seed(): Promise<void> {
  const stub = createStub({ items: ITEMS })
  const store = ours(stub.fetch)
  await Promise.all(NAMES.map((n) => new Promise<void>((resolve) => {
    const off = store.resource(n).$state.subscribe((s) => { if (s.status === 'ready' && !s.fetching) { resolve(); queueMicrotask(() => off()) } })
  })))
  const kv = createStore('kinde-account-sync', 'entries')
  for (let i = 0; (await keys(kv)).length < NAMES.length; i++) {
    if (i > 400) throw new Error('our entries were never persisted')
    await new Promise((r) => setTimeout(r, 5))
  }
  store.destroy()
  const client = new QueryClient()
  for (const n of NAMES) client.setQueryData(['kinde', n], await fetchKinde(n, { domain: ISS, getToken: () => TOKEN, fetch: stub.fetch }))
  await persistQueryClientSave({ queryClient: client as never, persister: persister(tanstackKv()) })
  client.clear()
}

async function measureOurs(): Promise<[all: number, first: number]> {
  const t0 = performance.now()
  const store = ours(hanging)
  let first = NaN
  const shown = (n: Name) => store.resource(n).get().data !== undefined
  const all = await new Promise<number>((resolve) => {
    const check = () => {
      if (Number.isNaN(first) && NAMES.some(shown)) first = performance.now() - t0
      if (NAMES.every(shown)) resolve(performance.now() - t0)
    }
    NAMES.forEach((n) => store.resource(n).$state.listen(check))
    check()
  })
  store.destroy()
  return [all, first]
}

async function measureTanstack(): Promise<number> {
  const t0 = performance.now()
  const client = new QueryClient({ defaultOptions: { queries: { gcTime: WEEK } } })
  client.mount()
  await persistQueryClientRestore({ queryClient: client as never, persister: persister(tanstackKv()), maxAge: WEEK })
  const observers = NAMES.map((n) => new QueryObserver(client, {
    queryKey: ['kinde', n], queryFn: ({ signal }) => fetchKinde(n, { domain: ISS, getToken: () => TOKEN, fetch: hanging, signal }),
  }))
  const offs = observers.map((o) => o.subscribe(() => {}))
  if (!observers.every((o) => o.getCurrentResult().data !== undefined)) throw new Error('TanStack restored no data')
  const ms = performance.now() - t0
  offs.forEach((off) => off())
  client.clear()
  client.unmount()
  return ms
}

async function main() {
  const q = new URLSearchParams(location.search)
  if (q.has('seed')) {
    await seed()
    return { seeded: true }
  }
  // the order alternates between loads, so neither side always gets the colder start
  if (q.get('first') === 'tanstack') {
    const tanstack = await measureTanstack()
    const [all, first] = await measureOurs()
    return { ours: all, oursFirst: first, tanstack }
  }
  const [all, first] = await measureOurs()
  const tanstack = await measureTanstack()
  return { ours: all, oursFirst: first, tanstack }
}

;(window as unknown as { result: Promise<unknown> }).result = main().catch((e: Error) => ({ error: String(e?.stack ?? e) }))
