import type { AccountApiError } from '../client/errors'
import type { AccountClient } from '../client/types'
import type { PersistedEntry } from '../persist/types'
import type { Random } from '../schedule/backoff'
import type { CooldownGate } from '../schedule/cooldown'
import type { EnvironmentSignal } from '../schedule/environment'

/** What a resource pipeline needs from the store around it (kept narrow so pipelines stay small). */
export interface PipelineContext {
  /** Bumped on every identity change; an attempt of an older epoch applies nothing. */
  epoch(): number
  signedIn(): boolean
  now(): number
  random: Random
  retry: { attempts: number; baseDelay: number; maxDelay: number }
  refreshInterval: number | false
  gate: CooldownGate
  online: EnvironmentSignal
  /** Re-reads a function token source, then says whether a request may go out with the current token. */
  prepare(epoch: number): Promise<'send' | 'paused' | 'expired'>
  /** The current token (to tell an answer to an older token from one to the current token). */
  token(): string | null
  /** The current token got unauthorized and no other has come yet. */
  paused(): boolean
  /** The client of the current identity. */
  client(): AccountClient
  /** Interval ticks may fetch: visible (or another tab is), online, leader, not paused by an unauthorized token. */
  canPoll(): boolean
  /** A follower asks the leader; null when this tab fetches for itself. */
  askLeader(resource: string): Promise<PersistedEntry | null | undefined> | null
  networkSuccess(resource: string, entry: PersistedEntry): void
  rateLimited(error: AccountApiError): void
  unauthorized(): void
}
