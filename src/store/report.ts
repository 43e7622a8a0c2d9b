import { batch, type ReadableAtom, type WritableAtom } from 'nanostores'

/** Where an exception nobody can catch goes: the host's reportError, else the console. */
export function report(error: unknown): void {
  const reportError = (globalThis as { reportError?: (e: unknown) => void }).reportError
  if (typeof reportError === 'function') reportError(error)
  else console.error(error)
}

/**
 * Runs store updates so that a subscriber that throws cannot break the store: nanostores calls
 * every listener, then rethrows the first exception into whoever set the atom. We catch it here
 * and report it; the state is already complete by then (ARCHITECTURE.md, rule 16).
 */
export function guarded(update: () => void): void {
  try {
    batch(update)
  } catch (error) {
    report(error)
  }
}

/**
 * `$atom.set(value)`, guarded. One atom needs no batch (inside a switch's batch it is batched
 * anyway), and a batch costs a Map entry and a Set per listener: 10× the fan-out to many subscribers.
 */
export function setSafely<T>($atom: WritableAtom<T>, value: T): void {
  try {
    $atom.set(value)
  } catch (error) {
    report(error)
  }
}

/**
 * Each listener of a public atom runs inside its own try/catch. nanostores calls every listener of
 * a change but rethrows only the last exception, so with two throwing subscribers one would go
 * unreported; wrapping `listen` (which `subscribe` and computed atoms call) reports every one.
 */
export function isolateListeners<A extends ReadableAtom<any>>($atom: A): A {
  const listen = $atom.listen.bind($atom)
  // fixed parameters rather than `...args`: no array per call in a fan-out to thousands
  $atom.listen = ((listener: (value: unknown, old: unknown, key?: unknown) => void) =>
    listen(((value: unknown, old: unknown, key?: unknown) => {
      try { listener(value, old, key) } catch (error) { report(error) }
    }) as never)) as A['listen']
  return $atom
}
