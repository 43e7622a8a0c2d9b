import { Observable } from 'rxjs'
import type { AccountStore, Derived, Resource, ResourceState, SessionState } from 'kinde-account-sync'

/** What the store's atoms offer (a nanostores atom, `store.$drift`…): calls back at once, returns unsubscribe. */
export interface AtomLike<T> {
  /** Calls `listener` with the current value at once, then with every change; returns the unsubscribe function. */
  subscribe(listener: (value: T) => void): () => void
}

/**
 * An rxjs `Observable` of an atom's values: the current value at once, then every change. Cold
 * and cheap: each subscription is one atom listener, removed on unsubscribe.
 */
export function fromAtom<T>($atom: AtomLike<T>): Observable<T> {
  return new Observable<T>((subscriber) => $atom.subscribe((value) => subscriber.next(value)))
}

/** A resource's state as an rxjs `Observable` (`fromResource(store.permissions).pipe(…)`). */
export const fromResource = <T>(resource: Pick<Resource<T>, '$state'>): Observable<ResourceState<T>> =>
  fromAtom(resource.$state)

/** A derived value as an rxjs `Observable` (`fromDerived(store.hasPermission('admin'))`). */
export const fromDerived = <T>(derived: Pick<Derived<T>, '$value'>): Observable<T> => fromAtom(derived.$value)

/** The store's session (signed in or out, online, leader, cool-down) as an rxjs `Observable`. */
export const fromSession = (store: Pick<AccountStore, '$session'>): Observable<SessionState> => fromAtom(store.$session)
