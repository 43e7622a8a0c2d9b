import type { Identity } from '../token/types'
import type { PersistedEntry } from '../persist/types'
import type { LivenessTimes } from './liveness'

/**
 * A fetch failure as the leader saw it, so followers show the same `error` (ARCHITECTURE.md,
 * rule 17). Only what the error's fields say: no message text, no cause, never a token.
 */
export interface TabFailure {
  kind: string
  status: number | null
  code: string | null
  retryAfterMs: number | null
  method: string
  path: string
}

/** What a leader tells a new tab beside its states: the running cool-down and its failures. */
export interface TabSnapshotExtras {
  until: number | null
  failures: Array<[resource: string, failure: TabFailure]>
}

/**
 * Messages on the BroadcastChannel. Each carries the identity it belongs to; a tab ignores
 * messages of another identity. No message ever carries a token.
 */
export type TabMessage =
  | { type: 'state'; identity: Identity; resource: string; entry: PersistedEntry }
  | { type: 'hello'; identity: Identity; from: string }
  | { type: 'refresh'; identity: Identity; resource: string; from: string; id: string }
  /** `unknown`: the leader does not sync that key (and will not create it): fetch it yourself. */
  | { type: 'refreshed'; identity: Identity; resource: string; id: string; entry: PersistedEntry | null; unknown?: boolean }
  /** The leader's last attempt for a resource failed: followers show the same error. */
  | { type: 'failed'; identity: Identity; resource: string; failure: TabFailure }
  | { type: 'cooldown'; identity: Identity; until: number }
  /** `jti`: the signed-out token's id (never the token), so tabs that hold it ignore it too. */
  | { type: 'signout'; identity: Identity; jti?: string }
  /** A tab's page visibility (visible: false also when it closes), so a hidden leader knows a follower is watching. */
  | { type: 'presence'; identity: Identity; from: string; visible: boolean }
  /** A new leader asks every tab to announce its presence again. */
  | { type: 'rollcall'; identity: Identity; from: string }
  /** The leader's answer to one tab's 'hello'; that tab hands each entry to onMessage as a 'state'. */
  | { type: 'snapshot'; identity: Identity; to: string; entries: Array<[resource: string, entry: PersistedEntry]>
    /** A cool-down running in the leader: the new tab sends nothing until it ends. */
    until?: number | null
    failures?: Array<[resource: string, failure: TabFailure]> }
  /** The leader runs (see liveness.ts): followers that hear none for a lease take over. */
  | { type: 'beat'; identity: Identity; from: string }

export interface TabSyncOptions {
  /** Kinde domain; with the identity and the origin it scopes the channel and the leader lock. */
  domain: string
  identity: Identity
  /** @default navigator.locks when present; null: no election, every tab polls */
  locks?: LockManager | null
  /** @default (name) => new BroadcastChannel(name) when present */
  createChannel?: (name: string) => BroadcastChannel
  onLeaderChange(leader: boolean): void
  /** A message of this identity from another tab ('state', 'failed', 'cooldown', 'signout'). */
  onMessage(message: TabMessage): void
  /**
   * Leader only: another tab asks for a fresh fetch; resolve with the new entry (null if it
   * failed, undefined when this tab does not sync that key: the asker then fetches it itself).
   */
  onRefreshRequest(resource: string): Promise<PersistedEntry | null | undefined>
  /** Leader only: a new tab says hello; return the current entries to send it. */
  onSnapshotRequest(): Array<[resource: string, entry: PersistedEntry]>
  /** Leader only: the cool-down and the failures to send a new tab with the entries. */
  onSnapshotExtras?(): TabSnapshotExtras
  /** Whether another tab of this identity is visible changed (see TabSync.othersVisible). */
  onPresenceChange?(othersVisible: boolean): void
  /** Beat and lease of the leader's liveness (tests shorten them). */
  liveness?: LivenessTimes
  /** @internal clock and timer seams for tests */
  now?: () => number
  /** @internal */
  every?: (ms: number, fn: () => void) => () => void
}

export interface TabSync {
  /**
   * This tab leads: it holds the leader lock and has been running. False for a leader that was
   * frozen or hung until it knows it still leads, so a thawed tab sends no burst of polls.
   */
  readonly leader: boolean
  postState(resource: string, entry: PersistedEntry): void
  postCooldown(until: number): void
  /** A resource's attempt in this tab failed (leader or not, see store/host.ts): the other tabs show the same error. */
  postFailure?(resource: string, failure: TabFailure): void
  postSignOut(jti?: string): void
  /** Follower: ask the leader to refetch. Resolves with its answer, or undefined after `timeoutMs` (default 2000). */
  requestRefresh(resource: string, timeoutMs?: number): Promise<PersistedEntry | null | undefined>
  /** Follower at start: ask the leader for its states. Resolves true when an answer came within `timeoutMs` (default 2000). */
  requestSnapshot(timeoutMs?: number): Promise<boolean>
  /**
   * Announces this tab's page visibility to the others. A leader whose own page is hidden should
   * keep polling while `othersVisible` is true: the followers cannot poll, and someone is looking.
   */
  setVisible?(visible: boolean): void
  /** True while another tab of this identity has announced itself visible (and not closed since). */
  readonly othersVisible?: boolean
  close(): void
}
