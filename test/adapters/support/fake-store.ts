// A stand-in for createAccountStore built from plain nanostores atoms, so the adapter tests
// control every value directly. Derived values follow the store's contract only as far as the adapters
// can see: memoised per key, fallback on a missing value or another type.
import { atom, computed, type ReadableAtom, type WritableAtom } from 'nanostores'
import { Observable } from 'rxjs'
import type {
  AccountStore, Derived, EntitlementData, FlagValue, Resource, ResourceDataMap, ResourceName, ResourceState, SessionState, Stream,
} from 'kinde-account-sync'

export const idle = <T>(): ResourceState<T> => ({
  status: 'idle', data: undefined, error: undefined, fetching: false, source: undefined, updatedAt: undefined, stale: false,
})

export const ready = <T>(data: T, patch: Partial<ResourceState<T>> = {}): ResourceState<T> => ({
  ...idle<T>(), status: 'ready', data, source: 'network', updatedAt: 1_700_000_000_000, ...patch,
})

export interface FakeResource<T> extends Resource<T> {
  readonly $state: WritableAtom<ResourceState<T>>
  /** How often refresh() was called. */
  refreshes: number
}

type FakeResources = { readonly [N in ResourceName]: FakeResource<ResourceDataMap[N]> }

export interface FakeAccountStore extends Omit<AccountStore, ResourceName | 'resource' | '$session'>, FakeResources {
  readonly $flags: WritableAtom<Record<string, FlagValue>>
  readonly $properties: WritableAtom<Record<string, string | number | boolean | null>>
  readonly $permissions: WritableAtom<string[]>
  readonly $roles: WritableAtom<string[]>
  readonly $entitlements: WritableAtom<string[]>
  readonly $session: WritableAtom<SessionState>
  /** Resolves every Derived's settled(); until then they stay pending. */
  settle(): void
  resource<N extends ResourceName>(name: N): FakeResource<ResourceDataMap[N]>
  entitlement(key: string): FakeResource<EntitlementData>
}

// an rxjs Observable carries Symbol.observable at run time; its type does not declare it
const stream = <T>($a: ReadableAtom<T>) => new Observable<T>((sub) => $a.subscribe((v) => sub.next(v as T))) as Observable<T> & Stream<T>

function fakeResource<T>(name: string): FakeResource<T> {
  const $state = atom(idle<T>())
  const r: FakeResource<T> = {
    name, $state, state$: stream($state), refreshes: 0, get: () => $state.get(),
    refresh: async () => (r.refreshes++, $state.get()),
  }
  return r
}

export function createFakeStore(): FakeAccountStore {
  let settle!: () => void
  const settled = new Promise<void>((resolve) => (settle = resolve))
  const memo = new Map<string, Derived<any>>()
  const derived = <T>(id: string, make: () => ReadableAtom<T>): Derived<T> => {
    let d = memo.get(id)
    if (!d) {
      const $value = make()
      d = { $value, value$: stream($value), get: () => $value.get(), settled: () => settled.then(() => $value.get()) }
      memo.set(id, d)
    }
    return d
  }
  const pick = <V>($src: ReadableAtom<Record<string, V>>, kind: string, key: string, fallback: unknown) =>
    derived(`${kind}:${key}`, () => computed($src, (all) =>
      typeof all[key] === typeof fallback && all[key] !== undefined ? all[key] : fallback))
  const includes = ($src: ReadableAtom<string[]>, kind: string, key: string) =>
    derived(`${kind}:${key}`, () => computed($src, (keys) => keys.includes(key)))

  const resources = new Map<string, FakeResource<any>>()
  const resource = (name: string) => {
    if (!resources.has(name)) resources.set(name, fakeResource(name))
    return resources.get(name)!
  }
  const $session = atom<SessionState>({
    status: 'signed-in', userId: 'kp_alice', orgCode: 'org_a', domain: 'https://mock.kinde.local',
    online: true, leader: true, rateLimitedUntil: null, persisted: false,
  })
  const store = {
    $flags: atom<Record<string, FlagValue>>({}),
    $properties: atom<Record<string, string | number | boolean | null>>({}),
    $permissions: atom<string[]>([]),
    $roles: atom<string[]>([]),
    $entitlements: atom<string[]>([]),
    $session,
    session$: stream($session),
    settle,
    get profile() { return resource('profile') },
    get permissions() { return resource('permissions') },
    get roles() { return resource('roles') },
    get featureFlags() { return resource('featureFlags') },
    get properties() { return resource('properties') },
    get entitlements() { return resource('entitlements') },
    entitlement: (key: string) => resource(`entitlement:${key}`),
    resource,
    flag: (key: string, fallback: unknown) => pick(store.$flags, 'flag', key, fallback),
    property: (key: string, fallback: unknown) => pick(store.$properties, 'property', key, fallback),
    hasPermission: (key: string) => includes(store.$permissions, 'permission', key),
    hasRole: (key: string) => includes(store.$roles, 'role', key),
    hasEntitlement: (key: string) => includes(store.$entitlements, 'entitlement', key),
    has: () => { throw new Error('not used by the adapters') },
    setToken: () => {},
    refresh: async () => {},
    getPortalLink: async () => 'https://mock.kinde.local/portal',
    introspect: async () => ({ active: true, aud: [], clientId: null, exp: null, iat: null }),
    signOut: async () => {},
    clearCache: async () => {},
    destroy: () => {},
  }
  return store as unknown as FakeAccountStore
}
