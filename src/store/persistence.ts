import { createPersister } from '../persist'
import type { Persister, PersistOptions } from '../persist/types'
import type { Identity, PersistedEntry } from '../models'
import { hasIndexedDb } from '../schedule/environment'
import type { Pipeline } from './resource/pipeline'
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

const sameUser = (a: Identity, b: Identity | null): boolean => b !== null && a.iss === b.iss && a.sub === b.sub

/** The store's use of a Persister (ARCHITECTURE.md, "Persistence"): only for JWT identities, only once known. */
export function linkPersistence(persister: Persister | null, session: Pick<Session, 'isJwt' | 'identity' | 'epoch' | 'patch'>) {
  const usable = (): Identity | null => (persister && session.isJwt() ? session.identity() : null)
  const persisted = (): boolean => usable() !== null && persister!.durable

  return {
    persister,
    /** session.persisted: a durable engine that has answered holds this identity's entries. */
    persisted,
    /**
     * The switch step: the previous JWT user loses every entry (queued writes included) unless the
     * new identity is the same user in another org; an opaque token or a sign-out counts as another user.
     */
    switched(identity: Identity | null, previous: Identity | null, jwt: boolean): Promise<void> {
      if (!persister || !previous || (jwt && identity && sameUser(previous, identity))) return Promise.resolve()
      return persister.removeUser(previous)
    },
    /** Another tab signed this user out: drop what this tab still has queued for them, and their entries. */
    forget(identity: Identity | null): Promise<void> {
      return persister && identity ? persister.removeUser(identity) : Promise.resolve()
    },
    /**
     * Shows this identity's persisted entry, unless the identity changed meanwhile. The engine's
     * answer also settles `persisted` in a tab that never writes (a follower).
     */
    load(p: Pipeline<unknown>): void {
      const identity = usable()
      const epoch = session.epoch()
      if (!identity) return
      void persister!.load(identity, p.key).then((entry) => {
        if (epoch !== session.epoch()) return
        if (entry) p.hydrate(entry)
        session.patch({ persisted: persisted() })
      }, () => {})
    },
    save(key: string, entry: PersistedEntry): void {
      const identity = usable()
      if (identity) persister!.save(identity, key, entry)
    },
  }
}
