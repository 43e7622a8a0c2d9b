import { describe, expectTypeOf, test } from 'vitest'
import { ref, type App, type Ref } from 'vue'
import type { AccountApiError, AccountStore, EntitlementData, RolesData, SessionState, UserProfile } from 'kinde-account-sync'
import {
  createAccountPlugin, useAccountStore, useEntitlement, useFlag, usePermission, useProperty, useResource, useRole,
  useAtom, useSession,
} from 'kinde-account-sync/vue'

declare const store: AccountStore

describe('vue adapter types', () => {
  test('useFlag and useProperty are typed by the fallback', () => {
    expectTypeOf(useFlag('beta', false)).toEqualTypeOf<Readonly<Ref<boolean>>>()
    expectTypeOf(useFlag('plan', 'free')).toEqualTypeOf<Readonly<Ref<string>>>()
    expectTypeOf(useFlag(ref('limit'), 10, store)).toEqualTypeOf<Readonly<Ref<number>>>()
    expectTypeOf(useFlag(() => 'cfg', { a: 1 })).toEqualTypeOf<Readonly<Ref<{ a: number }>>>()
    expectTypeOf(useProperty('theme', 'light')).toEqualTypeOf<Readonly<Ref<string>>>()
    expectTypeOf(useProperty('seats', 0)).toEqualTypeOf<Readonly<Ref<number>>>()
  })

  test('boolean hooks and the session', () => {
    expectTypeOf(usePermission('edit')).toEqualTypeOf<Readonly<Ref<boolean>>>()
    expectTypeOf(useRole(ref('admin'))).toEqualTypeOf<Readonly<Ref<boolean>>>()
    expectTypeOf(useEntitlement(() => 'pro', store)).toEqualTypeOf<Readonly<Ref<boolean>>>()
    expectTypeOf(useSession()).toEqualTypeOf<Readonly<Ref<SessionState>>>()
  })

  test('useResource gives read-only refs typed by the resource name', () => {
    const profile = useResource('profile')
    expectTypeOf(profile.data).toEqualTypeOf<Readonly<Ref<UserProfile | undefined>>>()
    expectTypeOf(profile.error).toEqualTypeOf<Readonly<Ref<AccountApiError | undefined>>>()
    expectTypeOf(profile.status).toEqualTypeOf<Readonly<Ref<'idle' | 'loading' | 'ready' | 'error'>>>()
    expectTypeOf(profile.fetching).toEqualTypeOf<Readonly<Ref<boolean>>>()
    expectTypeOf(profile.stale).toEqualTypeOf<Readonly<Ref<boolean>>>()
    expectTypeOf(profile.source).toEqualTypeOf<Readonly<Ref<'network' | 'cache' | 'tab' | undefined>>>()
    expectTypeOf(profile.updatedAt).toEqualTypeOf<Readonly<Ref<number | undefined>>>()
    expectTypeOf(useResource(ref('roles' as const), store).data.value).toEqualTypeOf<RolesData | undefined>()
    expectTypeOf(useResource('roles').refresh).returns.resolves.toHaveProperty('data').toEqualTypeOf<RolesData | undefined>()
    // @ts-expect-error not a resource name
    useResource('nope')
    // @ts-expect-error refs are read-only
    useFlag('beta', false).value = true
  })

  test('useAtom is typed by the atom', () => {
    expectTypeOf(useAtom(() => store.has({ roles: ['admin'] }).$value)).toEqualTypeOf<Readonly<Ref<boolean>>>()
    expectTypeOf(useAtom(() => store.entitlement('seats').$state).value.data).toEqualTypeOf<EntitlementData | undefined>()
  })

  test('plugin and store access', () => {
    expectTypeOf(createAccountPlugin(store).install).parameter(0).toEqualTypeOf<App>()
    expectTypeOf(useAccountStore()).toEqualTypeOf<AccountStore>()
  })
})
