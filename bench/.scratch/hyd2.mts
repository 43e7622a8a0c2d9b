import { createIdbEngine } from 'kinde-account-sync'
import { createStub, NAMES } from '../lib/stub'
import { token } from '../lib/token'
import { until, now, median } from '../lib/stats'
import { createOurs } from '../subjects/ours'
const fake = await import('fake-indexeddb')
const log: string[] = []
let t0 = 0
const wrap = (e: any) => new Proxy(e, { get: (t, k) => typeof t[k] === 'function' ? async (...a: any[]) => { const s = now() - t0; const r = await t[k](...a); log.push(`${String(k)}(${String(a[0]).split('|').pop()}) ${s.toFixed(1)}→${(now() - t0).toFixed(1)}`); return r } : t[k] })
for (let round = 0; round < 3; round++) {
  Object.assign(globalThis, { indexedDB: new fake.IDBFactory(), IDBKeyRange: fake.IDBKeyRange })
  const stub = createStub({ items: 1000 })
  const o = { stub, token: token(), names: NAMES }
  const first = createOurs(o, { persist: true })
  await until(() => NAMES.every((n) => first.resource(n).get().status === 'ready'), 20000)
  await new Promise((r) => setTimeout(r, 300))
  first.destroy()
  stub.latency = Infinity
  log.length = 0
  t0 = now()
  const second = createOurs({ ...o, token: token() }, { persist: { engine: wrap(createIdbEngine()) } })
  await until(() => NAMES.every((n) => second.resource(n).get().data !== undefined), 20000, 0)
  console.log((now() - t0).toFixed(1), log.join(' | '))
  second.destroy()
}
process.exit(0)
