import { createPersister } from '../persist'
import type { PersistedEntry, Persister, PersistOptions } from '../persist/types'
import { hasIndexedDb } from '../schedule/environment'
import type { Identity } from '../token/types'
import type { Pipeline } from './resource'
import type { Session } from './session'

/**
 * The `persist` option as a Persister, or null when nothing is written:
 * `true`/undefined → IndexedDB where it exists; `false` → none; an object → its maxAge and engine.
 */
export function resolvePersister(option: boolean | PersistOptions | undefined, now: () => number): Persister | null {
  if (option === false) return null
  if (option === undefined || option === true) return hasIndexedDb() ? createPersister({ now }) : null
  if (!option.engine && !hasIndexedDb()) return null
  return createPersister({ ...option, now })
}

/** The store's use of a Persister (DESIGN.md §6): only for JWT identities, only once known. */
export function linkPersistence(persister: Persister | null, session: Session) {
  let lastUser: Identity | null = null // the previous signed-in user of this tab, for §6's switch rule
  const usable = (): Identity | null => (persister && session.isJwt() ? session.identity() : null)

  return {
    persister,
    /** session.persisted: written to a durable engine. */
    persisted: (): boolean => usable() !== null && persister!.durable,
    /** A new identity: a different user (not org) than the last one of this tab loses its entries. */
    switched(identity: Identity): void {
      if (!usable()) return
      if (lastUser && (lastUser.iss !== identity.iss || lastUser.sub !== identity.sub)) void persister!.removeUser(lastUser)
      lastUser = identity
    },
    /** Shows this identity's persisted entry, unless the identity changed meanwhile. */
    load(p: Pipeline<unknown>): void {
      const identity = usable()
      const epoch = session.epoch()
      if (!identity) return
      void persister!.load(identity, p.key).then((entry) => {
        if (entry && epoch === session.epoch()) p.hydrate(entry)
      }, () => {})
    },
    save(key: string, entry: PersistedEntry): void {
      const identity = usable()
      if (identity) persister!.save(identity, key, entry)
    },
  }
}
