// The tabs' shared disk: an in-memory StorageEngine that also watches sign-out (rule 14): once
// signOut() resolved, nothing of that user is on disk and no write of that user lands, until a
// tab signs that user in again.
import type { StorageEngine } from 'kinde-account-sync'
import type { Report } from './checks'

/** Keys are `v1|<iss>|<sub>|<org>|<resource>` (ARCHITECTURE.md, "Persistence"). */
const userOf = (key: string): string | undefined => key.split('|')[2]

export function diskOf(report: Report) {
  const map = new Map<string, unknown>()
  const out = new Set<string>()
  const engine: StorageEngine = {
    durable: true,
    async get(key) { return structuredClone(map.get(key)) },
    async setMany(entries) {
      for (const [key, value] of entries) {
        if (out.has(userOf(key)!)) report('rule 14: a write of a signed-out user landed after signOut()', key)
        map.set(key, structuredClone(value))
      }
    },
    async delMany(keys) { for (const key of keys) map.delete(key) },
    async keys() { return [...map.keys()] },
    async entries() { return [...map.entries()].map(([k, v]) => [k, structuredClone(v)] as [string, unknown]) },
  }
  return {
    engine,
    signedOut(user: string) {
      out.add(user)
      const left = [...map.keys()].filter((k) => userOf(k) === user)
      if (left.length) report('rule 14: entries of a signed-out user left on disk', left.join(', '))
    },
    signedIn(user: string) { out.delete(user) },
  }
}
