import { describe, expectTypeOf, test } from 'vitest'
import { atom } from 'nanostores'
import type { AccountStore, ResourceState, RolesData, SessionState } from 'kinde-account-sync'
import { bind, watch, when } from 'kinde-account-sync/vanilla'

declare const store: AccountStore

describe('vanilla adapter types', () => {
  test('watch passes what the source holds', () => {
    watch(store.roles, (state) => expectTypeOf(state).toEqualTypeOf<ResourceState<RolesData>>())
    watch(store.flag('beta', false), (on) => expectTypeOf(on).toEqualTypeOf<boolean>())
    watch(store.$session, (s) => expectTypeOf(s).toEqualTypeOf<SessionState>())
    watch(atom(1), (n) => expectTypeOf(n).toEqualTypeOf<number>())
    expectTypeOf(watch(store.profile, () => {})).toEqualTypeOf<() => void>()
  })

  test('when resolves with the source value', () => {
    expectTypeOf(when(store.roles)).toEqualTypeOf<Promise<ResourceState<RolesData>>>()
    expectTypeOf(when(store.flag('plan', 'free'), (p) => p !== 'free')).toEqualTypeOf<Promise<string>>()
    // @ts-expect-error the predicate gets a boolean
    when(store.hasRole('admin'), (v: string) => v === 'x')
  })

  test('bind renders into the given element type', () => {
    const el = document.createElement('input')
    bind(el, store.property('name', ''), (value, node) => {
      expectTypeOf(value).toEqualTypeOf<string>()
      expectTypeOf(node).toEqualTypeOf<HTMLInputElement>()
    })
    // @ts-expect-error not a source
    watch(42, () => {})
  })
})
