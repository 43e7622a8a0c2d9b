// Test seam: the store factory with its internals (clock, jitter, signals, tab factory) exposed.
import { createAccountStore as wired } from './index'
import type { StoreInternals } from './options'
import type { AccountStore, AccountStoreOptions } from './types'

export type { StoreInternals } from './options'

/** @internal Not public API: the second parameter replaces the store's clock, jitter and environment. */
export const createAccountStore = wired as (options: AccountStoreOptions, internals?: StoreInternals) => AccountStore
