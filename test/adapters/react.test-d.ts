import { describe, expectTypeOf, test } from 'vitest'
import type { ReactNode } from 'react'
import { atom } from 'nanostores'
import type {
  AccountApiError, AccountStore, EntitlementData, EntitlementsData, ResourceState, SessionState, UserProfile,
} from 'kinde-account-sync'
import {
  AccountProvider, useAccountStore, useAtomValue, useEntitlement, useFlag, usePermission, useProperty, useResource,
  useRole, useSession, type AccountProviderProps, type UseResourceResult,
} from 'kinde-account-sync/react'

declare const store: AccountStore

describe('react adapter types', () => {
  test('useFlag and useProperty are typed by the fallback, with or without the store', () => {
    expectTypeOf(useFlag('beta', false)).toEqualTypeOf<boolean>()
    expectTypeOf(useFlag('plan', 'free', store)).toEqualTypeOf<string>()
    expectTypeOf(useFlag('limit', 10)).toEqualTypeOf<number>()
    expectTypeOf(useFlag('theme', { dark: true })).toEqualTypeOf<{ dark: boolean }>()
    expectTypeOf(useProperty('city', '')).toEqualTypeOf<string>()
    expectTypeOf(useProperty('seats', 0, store)).toEqualTypeOf<number>()
    expectTypeOf(useProperty('nickname', null)).toEqualTypeOf<null>()
    // @ts-expect-error the key is required
    useFlag(false)
    // @ts-expect-error a flag's fallback cannot be null (a property's can)
    useFlag('beta', null)
  })

  test('the boolean hooks and the session', () => {
    expectTypeOf(usePermission('edit')).toEqualTypeOf<boolean>()
    expectTypeOf(usePermission('edit', store)).toEqualTypeOf<boolean>()
    expectTypeOf(useRole('admin')).toEqualTypeOf<boolean>()
    expectTypeOf(useEntitlement('sso', store)).toEqualTypeOf<boolean>()
    expectTypeOf(useSession()).toEqualTypeOf<SessionState>()
    expectTypeOf(useSession(store).rateLimitedUntil).toEqualTypeOf<number | null>()
    // @ts-expect-error the store goes last
    usePermission(store, 'edit')
  })

  test('useResource gives the whole state of that resource, plus refresh', () => {
    const profile = useResource('profile')
    expectTypeOf(profile).toEqualTypeOf<UseResourceResult<UserProfile>>()
    expectTypeOf(profile).toExtend<ResourceState<UserProfile>>()
    expectTypeOf(profile.data).toEqualTypeOf<UserProfile | undefined>()
    expectTypeOf(profile.error).toEqualTypeOf<AccountApiError | undefined>()
    expectTypeOf(profile.source).toEqualTypeOf<'network' | 'cache' | 'tab' | undefined>()
    expectTypeOf(profile.refresh).returns.toEqualTypeOf<Promise<ResourceState<UserProfile>>>()
    expectTypeOf(useResource('entitlements', store).data).toEqualTypeOf<EntitlementsData | undefined>()
    // @ts-expect-error not a resource name
    useResource('nope')
  })

  test('useAtomValue is typed by the atom', () => {
    expectTypeOf(useAtomValue(atom(1))).toEqualTypeOf<number>()
    expectTypeOf(useAtomValue(store.has({ roles: ['admin'] }).$value)).toEqualTypeOf<boolean>()
    expectTypeOf(useAtomValue(store.entitlement('seats').$state).data).toEqualTypeOf<EntitlementData | undefined>()
    // @ts-expect-error an atom, not a Derived
    useAtomValue(store.flag('beta', false))
  })

  test('the provider and store access', () => {
    expectTypeOf<AccountProviderProps>().toEqualTypeOf<{ store: AccountStore; children?: ReactNode }>()
    expectTypeOf(AccountProvider).returns.toEqualTypeOf<ReactNode>()
    expectTypeOf(useAccountStore()).toEqualTypeOf<AccountStore>()
    expectTypeOf(useAccountStore(store)).toEqualTypeOf<AccountStore>()
  })
})
