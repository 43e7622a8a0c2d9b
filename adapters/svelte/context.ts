import { getContext, setContext } from 'svelte'
import type { AccountStore } from 'kinde-account-sync'

// A string key (not a Symbol) so that two copies of this module (e.g. SSR + client bundles,
// or a linked package) still find each other's store.
const KEY = 'kinde-account-sync'

/** Makes `store` available to this component's children; call during component initialisation. */
export function setAccountStore(store: AccountStore): AccountStore {
  return setContext(KEY, store)
}

/**
 * The store an ancestor gave to `setAccountStore`. Call during component initialisation.
 * @throws Error when no ancestor set one.
 */
export function getAccountStore(): AccountStore {
  const store = getContext<AccountStore | undefined>(KEY)
  if (!store) {
    throw new Error(
      '[kinde-account-sync] No account store found: call setAccountStore(store) in a parent component, ' +
        'or pass the store as the first argument.',
    )
  }
  return store
}

/** Arguments as given, with the context's store in front when the caller gave none (a key is never an object). */
export const withStore = (args: unknown[]): [AccountStore, ...any[]] =>
  args[0] && typeof args[0] === 'object' ? (args as [AccountStore]) : [getAccountStore(), ...args]
