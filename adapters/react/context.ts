import { createContext, createElement, useContext, type ReactNode } from 'react'
import type { AccountStore } from 'kinde-account-sync'

const AccountContext = createContext<AccountStore | null>(null)

/** Props of {@link AccountProvider}. */
export interface AccountProviderProps {
  /** The app's one store (create it once, outside components). */
  store: AccountStore
  /** The components that use the store's hooks. */
  children?: ReactNode
}

/** Makes `store` available to every hook below it. */
export function AccountProvider({ store, children }: AccountProviderProps): ReactNode {
  return createElement(AccountContext.Provider, { value: store }, children)
}

/**
 * The store given to the nearest `<AccountProvider>`, or `store` when passed explicitly.
 * @throws Error when no store is passed and there is no provider above.
 */
export function useAccountStore(store?: AccountStore): AccountStore {
  // Always read the context: a hook must be called on every render, passed store or not.
  const provided = useContext(AccountContext)
  const found = store ?? provided
  if (!found) {
    throw new Error(
      '[kinde-account-sync] No account store found: wrap the app in <AccountProvider store={store}>, ' +
        'or pass the store to the hook as its last argument.',
    )
  }
  return found
}
