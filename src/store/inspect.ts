import { persistKey } from '../persist'
import type { EnvironmentSignal } from '../schedule/environment'
import type { DerivedEntry } from './derived'
import type { linkPersistence } from './persistence'
import type { Session } from './session'
import type { StoreInspection } from './types'

/** `store.inspect()` for devtools: what the derived values answer and from where; what is on disk. */
export function createInspection(deps: {
  online: EnvironmentSignal
  entries(): DerivedEntry[]
  disk: ReturnType<typeof linkPersistence>
  session: Pick<Session, 'identity' | 'isJwt'>
  keys(): string[]
}) {
  const listeners = new Set<() => void>()
  let pending = false
  const api: StoreInspection = {
    derived: () => deps.entries(),
    subscribe(listener) {
      listeners.add(listener)
      return () => { listeners.delete(listener) }
    },
    async diskEntries() {
      const { persister } = deps.disk
      const identity = deps.session.identity()
      if (!persister || !identity || !deps.session.isJwt()) return []
      const found = await Promise.all(deps.keys().map(async (resource) => {
        const entry = await persister.load(identity, resource)
        // sizes only, never values: a devtools panel must not become a way to read the data
        return entry && { key: persistKey(identity, resource), resource, bytes: new TextEncoder().encode(JSON.stringify(entry.data)).length, updatedAt: entry.updatedAt }
      }))
      return found.filter((e): e is NonNullable<typeof e> => !!e)
    },
    simulateOffline(offline) {
      if (offline === null) deps.online.unset()
      else deps.online.set(!offline)
    },
  }
  return {
    api,
    /** A derived value answered differently: tell listeners once per turn. */
    changed(): void {
      if (pending || listeners.size === 0) return
      pending = true
      queueMicrotask(() => {
        pending = false
        for (const fn of [...listeners]) try { fn() } catch { /* a devtools listener never breaks the store */ }
      })
    },
  }
}
