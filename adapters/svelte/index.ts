// kinde-account-sync/svelte: Svelte stores over the core store (DESIGN.md §8).
export { getAccountStore, setAccountStore } from './context'
export { entitlement, flag, permission, property, resource, role, session } from './stores'
export type { ResourceReadable } from './stores'
