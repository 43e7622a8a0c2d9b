// kinde-account-sync/vue: thin bindings over the core store (ARCHITECTURE.md, "Adapters").
export { accountStoreKey, createAccountPlugin, useAccountStore } from './context'
export { useEntitlement, useFlag, usePermission, useProperty, useResource, useRole, useSession } from './hooks'
export type { UseResourceReturn } from './hooks'
// The building block of every hook, for what has no hook of its own: `store.has({...})`,
// `store.entitlement(key)` (its limits), or any other nanostores atom.
export { useAtom } from './use-atom'
