import { describe, expectTypeOf, test } from 'vitest'
import type { Readable } from 'svelte/store'
import type { AccountStore, EntitlementsData, ResourceState, SessionState, UserProfile } from 'kinde-account-sync'
import { atom } from 'nanostores'
import {
  entitlement, flag, getAccountStore, permission, property, resource, role, session, setAccountStore,
  useAtom, useEntitlement, useFlag, usePermission, useProperty, useResource, useRole, useSession,
  type Current, type ResourceCurrent,
} from 'kinde-account-sync/svelte'

declare const store: AccountStore

describe('svelte adapter types', () => {
  test('flag and property are typed by the fallback, with or without the store', () => {
    expectTypeOf(flag('beta', false)).toEqualTypeOf<Readable<boolean>>()
    expectTypeOf(flag(store, 'x', 'a')).toEqualTypeOf<Readable<string>>()
    expectTypeOf(flag(store, 'limit', 10)).toEqualTypeOf<Readable<number>>()
    expectTypeOf(property('theme', 'light')).toEqualTypeOf<Readable<string>>()
    expectTypeOf(property(store, 'seats', 0)).toEqualTypeOf<Readable<number>>()
  })

  test('boolean readables and the session', () => {
    expectTypeOf(permission('edit')).toEqualTypeOf<Readable<boolean>>()
    expectTypeOf(role(store, 'admin')).toEqualTypeOf<Readable<boolean>>()
    expectTypeOf(entitlement('pro')).toEqualTypeOf<Readable<boolean>>()
    expectTypeOf(session()).toEqualTypeOf<Readable<SessionState>>()
    expectTypeOf(session(store)).toEqualTypeOf<Readable<SessionState>>()
  })

  test('resource is a Readable of the resource state, with refresh', () => {
    expectTypeOf(resource('profile')).toExtend<Readable<ResourceState<UserProfile>>>()
    expectTypeOf(resource(store, 'entitlements')).toExtend<Readable<ResourceState<EntitlementsData>>>()
    expectTypeOf(resource('profile').refresh).returns.toEqualTypeOf<Promise<ResourceState<UserProfile>>>()
    // @ts-expect-error not a resource name
    resource('nope')
    // @ts-expect-error the key is required
    flag(store, false)
  })

  test('context', () => {
    expectTypeOf(setAccountStore).parameter(0).toEqualTypeOf<AccountStore>()
    expectTypeOf(getAccountStore()).toEqualTypeOf<AccountStore>()
  })

  test('the { current } readers: typed by the fallback, keys as values or getters, store first', () => {
    const key = (): string => 'beta'
    expectTypeOf(useFlag('beta', false)).toEqualTypeOf<Current<boolean>>()
    expectTypeOf(useFlag(key, 'free').current).toEqualTypeOf<string>()
    expectTypeOf(useFlag(store, key, 10)).toEqualTypeOf<Current<number>>()
    expectTypeOf(useProperty('seats', 0)).toEqualTypeOf<Current<number>>()
    expectTypeOf(useProperty(store, key, null)).toEqualTypeOf<Current<null>>()
    expectTypeOf(usePermission(key)).toEqualTypeOf<Current<boolean>>()
    expectTypeOf(useRole(store, 'admin')).toEqualTypeOf<Current<boolean>>()
    expectTypeOf(useEntitlement(() => 'sso')).toEqualTypeOf<Current<boolean>>()
    expectTypeOf(useSession().current).toEqualTypeOf<SessionState>()
    expectTypeOf(useSession(store)).toEqualTypeOf<Current<SessionState>>()
    expectTypeOf(useResource('profile')).toEqualTypeOf<ResourceCurrent<UserProfile>>()
    expectTypeOf(useResource(store, () => 'entitlements' as const).current.data).toEqualTypeOf<EntitlementsData | undefined>()
    expectTypeOf(useResource('profile').refresh).returns.toEqualTypeOf<Promise<ResourceState<UserProfile>>>()
    expectTypeOf(useAtom(atom(1))).toEqualTypeOf<Current<number>>()
    expectTypeOf(useAtom(() => store.has({ roles: ['admin'] }).$value).current).toEqualTypeOf<boolean>()
    // @ts-expect-error read-only
    useFlag('beta', false).current = true
    // @ts-expect-error not a resource name
    useResource(() => 'nope')
    // @ts-expect-error the store goes first
    usePermission('edit', store)
  })
})
