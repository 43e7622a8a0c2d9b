import { afterEach, vi } from 'vitest'
import { createMockAccountApi, type MockAccountApi } from 'kinde-account-sync/mock'
import { createAccountStore, type AccountStore, type AccountStoreOptions } from 'kinde-account-sync'
import { createAccountStore as createInternal, type StoreInternals } from '../../src/store/create'
import { seededRandom } from '../../src/schedule/backoff'

export const START = Date.UTC(2026, 0, 1, 12)

/** fake-indexeddb and WebCrypto need real turns of the event loop, so only timers and Date are faked. */
export function useFakeTime(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], now: START })
}

// Captured before any test fakes timers. A MessagePort (BroadcastChannel) delivers on a later
// turn of the event loop than setImmediate does, so flushing also waits one real timer.
const realSetTimeout = globalThis.setTimeout
const realTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
const realTimer = (): Promise<void> => new Promise((resolve) => realSetTimeout(resolve, 0))

/** Lets in-process work finish (token verification, microtasks) without moving the fake clock. */
export async function flush(rounds = 8): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await vi.advanceTimersByTimeAsync(0)
    await realTurn()
  }
  await realTimer()
  await vi.advanceTimersByTimeAsync(0)
}

/** Moves the fake clock by `ms` in steps, letting in-process work finish at each step. */
export async function advance(ms: number, step = 50): Promise<void> {
  while (ms > 0) {
    const s = Math.min(step, ms)
    await vi.advanceTimersByTimeAsync(s)
    await flush(3)
    ms -= s
  }
}

/** Waits (in fake time) until `check` holds; throws with `what` after `max` ms. */
export async function until(check: () => boolean, what = 'condition', max = 30_000): Promise<void> {
  for (let t = 0; t <= max; t += 10) {
    await flush(2)
    if (check()) return
    await vi.advanceTimersByTimeAsync(10)
  }
  throw new Error(`timed out waiting for ${what}`)
}

export const countRequests = (api: MockAccountApi, route?: string): number =>
  api.requests.filter((r) => route === undefined || r.route === route).length

export interface Harness {
  api: MockAccountApi
  store: AccountStore
  token: string
}

/** A mock API, a token for `user` and a store on them; persistence and tabs off unless asked for. */
export async function setup(
  options: Partial<AccountStoreOptions> & { user?: string } = {}, internals: StoreInternals = {},
): Promise<Harness & { api: MockAccountApi }> {
  const api = createMockAccountApi({ now: () => Date.now() })
  const { user = 'kp_alice', ...rest } = options
  const token = 'token' in options ? (options.token as string) : await api.issueToken(user)
  const store = makeStore({ token, fetch: api.fetch, persist: false, crossTab: false, ...rest }, internals)
  return { api, store, token }
}

const opened: AccountStore[] = []

/**
 * The store with seeded jitter (internals are test seams, not public API). The request timeout is
 * long: fake time must not outrun the mock's real (WebCrypto) work on a loaded machine. Every
 * store is destroyed after its test, even a failing one, so none leaks into the next test.
 */
export function makeStore(options: AccountStoreOptions, internals: StoreInternals = {}): AccountStore {
  const store = createInternal({ timeout: 600_000, ...options }, { random: seededRandom(42), ...internals })
  opened.push(store)
  return store
}

afterEach(() => {
  for (const store of opened.splice(0)) store.destroy()
})

export const allReady = (store: AccountStore): boolean =>
  (['profile', 'permissions', 'roles', 'featureFlags', 'properties', 'entitlements'] as const)
    .every((n) => store[n].get().status === 'ready' && !store[n].get().fetching)

export { createAccountStore }
