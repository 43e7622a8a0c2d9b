// The one place the random test reaches past the public API: the store's test seam (seeded
// jitter and environment signals). When the store moves its seam, only this file changes.
import type { AccountStore, AccountStoreOptions } from 'kinde-account-sync'
import { createAccountStore } from '../../../src/store/create'
import { seededRandom } from '../../../src/schedule/backoff'
import { createOnlineSignal, createVisibilitySignal, type EnvironmentSignal } from '../../../src/schedule/environment'

export type Signal = EnvironmentSignal

/** A visibility or online signal the test drives by hand (no DOM events), starting true. */
export function manualSignal(kind: 'visibility' | 'online'): Signal {
  const signal = kind === 'visibility' ? createVisibilitySignal() : createOnlineSignal()
  signal.setEventListener(() => {})
  signal.set(true)
  return signal
}

/** A store whose backoff jitter comes from `seed` and whose page visibility and connectivity the test sets. */
export function openStore(options: AccountStoreOptions, seed: number, visibility: Signal, online: Signal): AccountStore {
  return createAccountStore(options, { random: seededRandom(seed), visibility, online })
}
