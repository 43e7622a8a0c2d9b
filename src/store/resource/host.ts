import type { AccountApiError } from '../../client/errors'
import type { PersistedEntry } from '../../models'
import type { Gateway } from '../gateway'
import type { StoreConfig } from '../options'
import type { Session } from '../session'

/** What a resource pipeline needs from the store around it: seven members, each a narrow view. */
export interface ResourceHost {
  readonly config: Pick<StoreConfig, 'refreshInterval' | 'retry' | 'random' | 'now' | 'online' | 'tabAnswerWait'>
  /** Who is signed in now, and the token source to re-read on a trigger. */
  readonly session: Pick<Session, 'epoch' | 'signedIn' | 'paused' | 'read' | 'token'>
  /** The one request path. */
  readonly gateway: Pick<Gateway, 'send' | 'coolingDown' | 'whenOpen'>
  /** Interval ticks may fetch: visible (or another tab is), online, leader, not paused. */
  canPoll(): boolean
  /** A follower asks the leader; null when this tab fetches for itself. */
  askLeader(resource: string, wait: number): Promise<PersistedEntry | null | undefined> | null
  /** Fresh data from the network: persist it, post it to the other tabs. */
  delivered(resource: string, entry: PersistedEntry): void
  /** This tab's own request failed: tell the other tabs, whichever of them leads by now. */
  failed(resource: string, error: AccountApiError): void
}
