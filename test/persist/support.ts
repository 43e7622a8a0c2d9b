import { vi } from 'vitest'
import { createMemoryEngine } from '../../src/persist'
import type { StorageEngine } from '../../src/persist'
import type { Identity } from '../../src/token/types'

export const alice: Identity = { iss: 'https://acme.kinde.com', sub: 'kp_alice', orgCode: 'org_1' }
export const aliceOtherOrg: Identity = { ...alice, orgCode: 'org_2' }
export const bob: Identity = { iss: 'https://acme.kinde.com', sub: 'kp_bob', orgCode: null }

export const DAY = 86_400_000

/** fake-indexeddb hangs under the default fake timers (a known fake-timers quirk); these leave its scheduling alone. */
export const useFakeTimers = () =>
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })

/** A memory engine whose calls are counted, optionally failing the way a broken IndexedDB does. */
export function spyEngine(base: StorageEngine = createMemoryEngine()) {
  const engine = {
    durable: true,
    get: vi.fn(base.get),
    setMany: vi.fn(base.setMany),
    delMany: vi.fn(base.delMany),
    keys: vi.fn(base.keys),
    entries: vi.fn(base.entries),
  } satisfies StorageEngine
  return engine
}

export function quotaError(): Error {
  return Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' })
}

/** An engine that fails every call with `error`: what a broken or vanished database looks like. */
export function brokenEngine(error: unknown = new Error('UnknownError')): StorageEngine {
  const fail = () => Promise.reject(error)
  return { durable: true, get: fail, setMany: fail, delMany: fail, keys: fail, entries: fail }
}
