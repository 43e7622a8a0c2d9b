import type { Identity } from '../token/types'
import type { PersistedEntry } from '../persist/types'

/**
 * Messages on the BroadcastChannel. Each carries the identity it belongs to; a tab ignores
 * messages of another identity. No message ever carries a token.
 */
export type TabMessage =
  | { type: 'state'; identity: Identity; resource: string; entry: PersistedEntry }
  | { type: 'hello'; identity: Identity; from: string }
  | { type: 'refresh'; identity: Identity; resource: string; from: string; id: string }
  | { type: 'refreshed'; identity: Identity; resource: string; id: string; entry: PersistedEntry | null }
  | { type: 'cooldown'; identity: Identity; until: number }
  | { type: 'signout'; identity: Identity }
