// Time to show persisted data: six resources of 1,000 items each were synced and written to
// IndexedDB (fake-indexeddb) by a first instance; a second instance starts while the network hangs
// and is timed until every resource shows data. TanStack: persistQueryClientRestore over idb-keyval,
// then one observer per resource. nanoquery has no persister (—).
import { persistQueryClientRestore, persistQueryClientSave } from '@tanstack/query-persist-client-core'
import { QueryObserver } from '@tanstack/query-core'
import { createStore, del, get, keys, set } from 'idb-keyval'
import { rounds, whenFresh } from '../lib/harness'
import type { Row } from '../lib/report'
import { gc, median, now, sleep, until } from '../lib/stats'
import { createStub, NAMES, type Name } from '../lib/stub'
import { token } from '../lib/token'
import { createClient, tanstack } from '../subjects/tanstack'

const ITEMS = 1000
const WEEK = 7 * 24 * 3600_000
// `as never` below: the persister pins query-core 5.104 beside our 5.108; the runtime is compatible.

async function freshIndexedDb() {
  const fake = await import('fake-indexeddb')
  Object.assign(globalThis, { indexedDB: new fake.IDBFactory(), IDBKeyRange: fake.IDBKeyRange })
}

async function ours(): Promise<[all: number, first: number]> {
  await freshIndexedDb()
  const stub = createStub({ items: ITEMS })
  const o = { stub, token: token(), names: NAMES }
  const { createOurs } = await import('../subjects/ours')
  const first = createOurs(o, { persist: true })
  await until(() => NAMES.every((n) => first.resource(n).get().status === 'ready' && !first.resource(n).get().fetching), 20_000)
  const kv = createStore('kinde-account-sync', 'entries')
  for (let i = 0; (await keys(kv)).length < NAMES.length; i++) {
    if (i > 2000) throw new Error('persisted entries never appeared')
    await new Promise((r) => setTimeout(r, 5))
  }
  await sleep(100) // let its batched writes (20 ms apart) land: TanStack's save is awaited too
  // (persisted turns true only once IndexedDB has answered, so it is read after the writes)
  if (!first.$session.get().persisted) throw new Error('the store fell back to memory (IndexedDB did not open in time)')
  first.destroy()
  stub.latency = Infinity
  gc()
  const t0 = now()
  const second = createOurs({ ...o, token: token() }, { persist: true })
  const shown = (n: Name) => second.resource(n).get().data !== undefined
  let firstMs = NaN
  const ms = await new Promise<number>((resolve) => {
    const check = () => {
      if (Number.isNaN(firstMs) && NAMES.some(shown)) firstMs = now() - t0
      if (NAMES.every(shown)) resolve(now() - t0)
    }
    NAMES.forEach((n) => second.resource(n).$state.listen(check))
    check()
  })
  second.destroy()
  return [ms, firstMs]
}

async function peer(round: number): Promise<number> {
  await freshIndexedDb()
  const persisterOn = (kv: ReturnType<typeof createStore>) => ({
    persistClient: (c: unknown) => set('kinde-account', c, kv),
    restoreClient: () => get('kinde-account', kv),
    removeClient: () => del('kinde-account', kv),
  })
  const dbName = `tanstack-bench-${round}`
  const stub = createStub({ items: ITEMS })
  const first = tanstack.create({ stub, token: token(), names: NAMES })
  await whenFresh(first, stub, NAMES, 20_000)
  // The first instance's client is not exposed; save a client built from its data instead.
  const { client: saving } = createClient({ stub, token: '', names: NAMES }, () => '')
  for (const n of NAMES) saving.setQueryData(['kinde', n], first.data(n))
  await persistQueryClientSave({ queryClient: saving as never, persister: persisterOn(createStore(dbName, 'kv')) })
  saving.clear(); saving.unmount(); first.destroy()
  stub.latency = Infinity
  gc()
  const t0 = now()
  const tok = token()
  const { client, options } = createClient({ stub, token: tok, names: NAMES }, () => tok)
  // A fresh connection, as a page load opens one (ours opens its database after t0 too).
  await persistQueryClientRestore({ queryClient: client as never, persister: persisterOn(createStore(dbName, 'kv')), maxAge: WEEK })
  const observers = NAMES.map((n) => new QueryObserver(client, options(n)))
  const offs = observers.map((ob) => ob.subscribe(() => {}))
  if (!observers.every((ob) => ob.getCurrentResult().data !== undefined)) throw new Error('TanStack restored no data')
  const ms = now() - t0
  offs.forEach((off) => off()); client.clear(); client.unmount()
  return ms
}

export async function hydrate(withOurs: boolean, n = 15): Promise<Row[]> {
  const saved = { indexedDB: (globalThis as any).indexedDB, IDBKeyRange: (globalThis as any).IDBKeyRange }
  try {
    // Interleaved rounds, so a busy moment of the machine hurts both sides alike.
    const tq: number[] = [], us: number[] = [], usFirst: number[] = []
    await rounds(n, 'hydrate', async (i) => {
      const a = await peer(i).catch((e) => { console.warn(`  hydrate TanStack: ${e.message}`); return null })
      if (a !== null) tq.push(a)
      if (withOurs) { const [all, first] = await ours(); us.push(all); usFirst.push(first) }
    })
    const row: Row = {
      workload: 'Show persisted data: six resources × 1,000 items (fake-indexeddb)', unit: 'ms',
      values: { ours: us.length ? median(us) : null, tanstack: tq.length ? median(tq) : null, nanoquery: null },
      vs: ['tanstack'], target: '≤ 0.5× TQ',
    }
    if (row.values.ours != null && row.values.tanstack != null) row.met = row.values.ours <= 0.5 * row.values.tanstack
    const first: Row = {
      workload: 'Show persisted data: first resource shown (TanStack shows all at once)', unit: 'ms',
      values: { ours: usFirst.length ? median(usFirst) : null, tanstack: row.values.tanstack, nanoquery: null }, vs: ['tanstack'],
    }
    row.samples = { ours: us, tanstack: tq }
    return [row, first]
  } finally {
    Object.assign(globalThis, saved)
  }
}
