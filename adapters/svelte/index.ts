// kinde-account-sync/svelte: Svelte stores and Svelte 5 `{ current }` readers over the core store
// (ARCHITECTURE.md, "Adapters").
export { getAccountStore, setAccountStore } from './context'
// Svelte 4 and 5: Readables for `$name` syntax.
export { entitlement, flag, permission, property, resource, role, session } from './stores'
export type { ResourceReadable } from './stores'
// Svelte 5: `{ current }` readers for runes mode, keys may be getters.
export {
  useAtom, useEntitlement, useFlag, usePermission, useProperty, useResource, useRole, useSession,
} from './runes'
export type { Current, MaybeGetter, ResourceCurrent } from './runes'
