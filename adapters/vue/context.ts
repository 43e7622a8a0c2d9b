import { hasInjectionContext, inject, type App, type InjectionKey } from 'vue'
import type { AccountStore } from 'kinde-account-sync'

/** The key `createAccountPlugin` provides the store under; `provide(accountStoreKey, store)` works too. */
export const accountStoreKey: InjectionKey<AccountStore> = Symbol('kinde-account-sync')

/**
 * A Vue plugin that makes `store` available to every `use…` hook of the app.
 * Create the store once (outside components) and `app.use(createAccountPlugin(store))`.
 */
export function createAccountPlugin(store: AccountStore): { install(app: App): void } {
  return { install: (app) => void app.provide(accountStoreKey, store) }
}

/**
 * The store given to `createAccountPlugin`, or `store` when passed explicitly.
 * Call it in `setup()` (or another injection context) unless you pass the store.
 * @throws Error when no store is passed and none was provided.
 */
export function useAccountStore(store?: AccountStore): AccountStore {
  // inject() outside setup only warns and returns undefined: check first so the error says what to do.
  const found = store ?? (hasInjectionContext() ? inject(accountStoreKey, null) : null)
  if (!found) {
    throw new Error(
      '[kinde-account-sync] No account store found: call app.use(createAccountPlugin(store)), ' +
        'or pass the store to the hook explicitly.',
    )
  }
  return found
}
