import { describe, expectTypeOf, test } from 'vitest'
import type { Readable } from 'svelte/store'
import type { AccountStore, EntitlementsData, ResourceState, SessionState, UserProfile } from 'kinde-account-sync'
import {
  entitlement, flag, getAccountStore, permission, property, resource, role, session, setAccountStore,
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
})
