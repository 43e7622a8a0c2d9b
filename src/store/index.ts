import { createAccountStore as create } from './create'
import type { AccountStore, AccountStoreOptions } from './types'

/** A live, offline-first store of the signed-in user's Kinde account (DESIGN.md §5). */
export function createAccountStore(options: AccountStoreOptions): AccountStore {
  return create(options) // the second parameter of ./create is a test seam, not public API
}
export type * from './types'
export type { ClaimsDrift } from './drift'
