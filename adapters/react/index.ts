// kinde-account-sync/react: hooks over the core store (ARCHITECTURE.md, "Adapters").
export { AccountProvider, useAccountStore } from './context'
export type { AccountProviderProps } from './context'
export { useAtomValue, useEntitlement, useFlag, usePermission, useProperty, useResource, useRole, useSession } from './hooks'
export type { UseResourceResult } from './hooks'
