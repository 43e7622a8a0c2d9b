import type { AccountApiError } from '../../client/errors'
import type { PersistedEntry } from '../../models'
import type { Resource, ResourceState } from '../types'
import type { Fetcher } from './attempt'

/** A Resource plus the handles the store drives it with. */
export interface Pipeline<T> extends Resource<T> {
  /** Persist and tab key: the resource name, or `entitlement:<key>`. */
  readonly key: string
  /** Synced now: eager resources while signed in, on-demand ones while subscribed. */
  active(): boolean
  /** Identity change: abort what runs, then clear (signed out) or show `loading` (a new identity). */
  reset(signedIn: boolean): void
  /** One attempt cycle (retries included), shared by every caller while it runs. */
  run(): Promise<ResourceState<T>>
  /** A new token of the same user: fetch again, after the request in flight if there is one (rule 1). */
  refetch(): void
  /** Focus / reconnect: refetch when the data is older than `minAge` ms or a fetch was missed offline. */
  revalidate(minAge: number): void
  hydrate(entry: PersistedEntry): void
  applyTab(entry: PersistedEntry): void
  /** The leader's attempt failed: show its error as ours (a follower does not fetch meanwhile). */
  applyTabError(error: AccountApiError): void
  /** Resolves when the first attempt cycle of the current identity has settled. */
  firstSettled(): Promise<void>
  destroy(): void
}

export interface PipelineOptions<T> {
  key: string
  path: string
  fetch: Fetcher<T>
  /** true: synced whenever signed in; false: only while `$state` has subscribers (1 s grace). */
  eager: boolean
  /** Called when an on-demand resource gains its first subscriber. */
  onActivate?: () => void
}
