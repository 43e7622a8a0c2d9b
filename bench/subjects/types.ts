import type { Name, Stub } from '../lib/stub'

/** One library set up the way its docs suggest, syncing some of the six resources from the stub. */
export interface Instance {
  /** Subscribe the way one component would (TanStack: its own QueryObserver). */
  subscribe(name: Name, fn: (value: unknown) => void): () => void
  /** The resource's data now (whatever shape the library keeps). */
  data(name: Name): unknown
  /** Data shown, no error, nothing in flight. */
  settled(name: Name): boolean
  /** An error is shown for the resource. */
  failed(name: Name): boolean
  /** No data shown (a loading flash). */
  empty(name: Name): boolean
  /** Listen (no initial call) to "the user has permission `key`", derived the library's way. */
  hasPermission(key: string, fn: (value: boolean) => void): () => void
  /** Refetch one resource as a poll would. */
  poll(name: Name): void
  /** Refetch every synced resource now. */
  refreshAll(): void
  /** A new token for the same user (Kinde's SDK refreshed it). */
  changeToken(token: string): void
  destroy(): void
}

export interface SubjectOptions { stub: Stub; token: string; names: readonly Name[] }

export interface Subject {
  name: string
  create(o: SubjectOptions): Instance
}
