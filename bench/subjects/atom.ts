// The floor: a bare nanostores atom per resource, filled by the same fetch code the peers use, with
// no dedup, retries, validation or persistence. Used where a workload needs an update to travel
// the same path (a poll → two notifications) as it does in the libraries under test.
import { atom, type WritableAtom } from 'nanostores'
import { fetchKinde } from '../apps/kinde-fetch'
import type { Name } from '../lib/stub'
import { ISS } from '../lib/token'
import type { Subject } from './types'

interface Value { data?: unknown; error?: unknown; loading: boolean }

export const bareAtom: Subject = {
  name: 'bare atom',
  create(o) {
    const token = o.token
    const atoms = Object.fromEntries(o.names.map((n) => [n, atom<Value>({ loading: false })])) as Record<Name, WritableAtom<Value>>
    const load = (name: Name) => {
      const $a = atoms[name]
      $a.set({ ...$a.get(), loading: true })
      fetchKinde(name, { domain: ISS, getToken: () => token, fetch: o.stub.fetch }).then(
        (data) => $a.set({ data, loading: false }),
        (error) => $a.set({ ...$a.get(), error, loading: false }),
      )
    }
    o.names.forEach(load)
    const v = (name: Name) => atoms[name].get()
    return {
      subscribe: (name, fn) => atoms[name].subscribe(fn),
      data: (name) => v(name).data,
      settled: (name) => !v(name).loading && v(name).data !== undefined && !v(name).error,
      failed: (name) => v(name).error !== undefined,
      empty: (name) => v(name).data === undefined,
      hasPermission: () => () => {},
      poll: load,
      refreshAll: () => o.names.forEach(load),
      changeToken: () => o.names.forEach(load),
      destroy: () => {},
    }
  },
}
