import { from, type InteropObservable, type Observable, type Subscribable } from 'rxjs'
import { expectTypeOf, test } from 'vitest'
import type {
  AccountStore, FeatureFlagsData, PermissionsData, ResourceState, RolesData, SessionState, Stream, StreamSubscription,
} from 'kinde-account-sync'
import { fromAtom, fromDerived, fromResource, fromSession } from 'kinde-account-sync/rxjs'

declare const store: AccountStore

test('the core streams are interop observables, typed through rxjs from()', () => {
  expectTypeOf(store.permissions.state$).toEqualTypeOf<Stream<ResourceState<PermissionsData>>>()
  expectTypeOf(from(store.permissions.state$)).toEqualTypeOf<Observable<ResourceState<PermissionsData>>>()
  expectTypeOf(from(store.flag('beta', false).value$)).toEqualTypeOf<Observable<boolean>>()
  expectTypeOf(from(store.session$)).toEqualTypeOf<Observable<SessionState>>()
  expectTypeOf(store.roles.state$).toMatchTypeOf<InteropObservable<ResourceState<RolesData>>>()
  expectTypeOf(store.roles.state$).toMatchTypeOf<Subscribable<ResourceState<RolesData>>>()
  expectTypeOf(store.roles.state$.subscribe(() => {})).toEqualTypeOf<StreamSubscription>()
  expectTypeOf(store.roles.state$[Symbol.observable]()).toEqualTypeOf<Stream<ResourceState<RolesData>>>()
})

test('the ./rxjs entry returns rxjs Observables typed by their source', () => {
  expectTypeOf(fromResource(store.featureFlags)).toEqualTypeOf<Observable<ResourceState<FeatureFlagsData>>>()
  expectTypeOf(fromResource(store.resource('roles'))).toEqualTypeOf<Observable<ResourceState<RolesData>>>()
  expectTypeOf(fromDerived(store.flag('theme', 'light'))).toEqualTypeOf<Observable<string>>()
  expectTypeOf(fromDerived(store.hasRole('admin'))).toEqualTypeOf<Observable<boolean>>()
  expectTypeOf(fromSession(store)).toEqualTypeOf<Observable<SessionState>>()
  expectTypeOf(fromAtom(store.$session)).toEqualTypeOf<Observable<Readonly<SessionState>>>()
})
