import { shallowReadonly, shallowRef, watch, type Ref } from 'vue'
import type { ReadableAtom } from 'nanostores'

/**
 * Mirrors the atom returned by `pick` into a read-only ref (the nanostores/vue `useStore` model).
 * `pick` is re-run when the reactive values it reads change (a key given as a ref or getter), and
 * the ref then follows the new atom. The subscription ends with the current effect scope
 * (component unmount, `effectScope().stop()`); on the server, after the render.
 *
 * @example useAtom(() => store.has({ roles: ['admin'], permissions: ['edit'] }).$value)
 * @example useAtom(() => store.entitlement(props.feature).$state)
 */
export function useAtom<T>(pick: () => ReadableAtom<T>): Readonly<Ref<T>> {
  const state = shallowRef() as Ref<T>
  // flush 'sync': the first value is there before setup returns, and a key change swaps the
  // subscription at once. Vue stops a sync watcher of an SSR render after the render, so the
  // server keeps no subscription.
  watch(pick, (atom, _old, onCleanup) => onCleanup(atom.subscribe((value) => (state.value = value as T))), {
    immediate: true,
    flush: 'sync',
  })
  return shallowReadonly(state)
}
