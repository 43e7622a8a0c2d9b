// kinde-account-sync/rxjs: real rxjs Observables, with .pipe, for a Resource, a Derived and the session.
import { atom } from 'nanostores'
import { distinctUntilChanged, filter, firstValueFrom, isObservable, map, Observable, take, toArray } from 'rxjs'
import { describe, expect, test } from 'vitest'
import { fromAtom, fromDerived, fromResource, fromSession } from 'kinde-account-sync/rxjs'
import { signedInStore } from './support'

describe('kinde-account-sync/rxjs', () => {
  test('fromResource gives an rxjs Observable of the state that pipes', async () => {
    const store = await signedInStore()
    const states = fromResource(store.permissions)
    expect(states).toBeInstanceOf(Observable)
    expect(isObservable(states)).toBe(true)
    const keys = await firstValueFrom(states.pipe(
      filter((s) => s.status === 'ready' && !s.fetching),
      map((s) => s.data!.permissions.map((p) => p.key)),
    ))
    expect(keys).toEqual(store.permissions.get().data!.permissions.map((p) => p.key))
    expect(keys.length).toBeGreaterThan(0)
  })

  test('fromResource replays the current state first', async () => {
    const store = await signedInStore()
    expect(await firstValueFrom(fromResource(store.roles))).toBe(store.roles.get())
  })

  test('fromDerived follows a derived value', async () => {
    const store = await signedInStore()
    const derived = store.hasPermission('no-such-permission')
    const value$ = fromDerived(derived)
    expect(value$).toBeInstanceOf(Observable)
    expect(await firstValueFrom(value$)).toBe(false)
  })

  test('fromSession follows the session', async () => {
    const store = await signedInStore()
    const session$ = fromSession(store)
    expect(session$).toBeInstanceOf(Observable)
    const signedIn = await firstValueFrom(session$.pipe(filter((s) => s.status === 'signed-in')))
    expect(signedIn.userId).toBe('kp_alice')
  })

  test('fromAtom: every change in order; unsubscribing removes the atom listener', async () => {
    const $n = atom(1)
    const all = firstValueFrom(fromAtom($n).pipe(distinctUntilChanged(), take(3), toArray()))
    $n.set(1)
    $n.set(2)
    $n.set(3)
    expect(await all).toEqual([1, 2, 3])
    expect($n.lc).toBe(0)
    const sub = fromAtom($n).subscribe(() => {})
    expect($n.lc).toBe(1)
    sub.unsubscribe()
    expect($n.lc).toBe(0)
  })

  test('a subscriber error inside rxjs does not break the atom', async () => {
    const $n = atom(1)
    const seen: number[] = []
    fromAtom($n).subscribe({ next: (v) => seen.push(v), error: () => {} })
    fromAtom($n).pipe(map((v) => { if (v === 2) throw new Error('boom'); return v })).subscribe({ error: () => {} })
    expect(() => $n.set(2)).not.toThrow()
    $n.set(3)
    expect(seen).toEqual([1, 2, 3])
  })
})
