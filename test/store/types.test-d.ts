import { expectTypeOf, test } from 'vitest'
import type { AccountStore, Derived, ResourceState, UserProfile, EntitlementData } from 'kinde-account-sync'

declare const store: AccountStore

test('derived values are typed by the widened fallback', () => {
  expectTypeOf(store.flag('beta', false)).toEqualTypeOf<Derived<boolean>>()
  expectTypeOf(store.flag('theme', 'light')).toEqualTypeOf<Derived<string>>()
  expectTypeOf(store.flag('limit', 10)).toEqualTypeOf<Derived<number>>()
  expectTypeOf(store.property('team', 0)).toEqualTypeOf<Derived<number>>()
  expectTypeOf(store.hasPermission('x')).toEqualTypeOf<Derived<boolean>>()
})

test('resources carry their data type', () => {
  expectTypeOf(store.profile.get()).toEqualTypeOf<ResourceState<UserProfile>>()
  expectTypeOf(store.resource('profile').get().data).toEqualTypeOf<UserProfile | undefined>()
  expectTypeOf(store.entitlement('seats').refresh()).resolves.toEqualTypeOf<ResourceState<EntitlementData>>()
})
