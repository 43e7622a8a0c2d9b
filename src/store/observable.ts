import { Observable } from 'rxjs'
import type { ReadableAtom } from 'nanostores'

/**
 * A thin rxjs view of a nanostores atom: replays the current value to each subscriber, then every
 * change. Only `Observable` is imported, so the bundle pays for no operators.
 */
export function toObservable<T>($atom: ReadableAtom<T>): Observable<T> {
  return new Observable<T>((subscriber) => $atom.subscribe((value) => subscriber.next(value)))
}
