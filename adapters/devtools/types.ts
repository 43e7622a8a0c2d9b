// What the panel reads, typed structurally: a store without `inspect()` or `$drift` (an older
// version of the core) still works, and the panel says what it cannot show.
import type { ReadableAtom } from 'nanostores'
import type { AccountStore, ResourceName, ResourceState, SessionState } from 'kinde-account-sync'

/** Where a derived value's answer came from (ARCHITECTURE.md, "Flow"). */
export type AnswerSource = 'network' | 'tab' | 'claims' | 'cache' | 'fallback'

/** One memoised derived value the app asked for. */
export interface DerivedEntry {
  kind: 'flag' | 'permission' | 'role' | 'entitlement' | 'property' | 'has'
  key: string
  value: unknown
  from: AnswerSource
}

/** One persisted entry of the current identity: its key and size, never its value. */
export interface DiskEntry {
  key: string
  resource: string
  bytes: number
  updatedAt: number
}

/** `store.inspect()`'s answer, as far as the panel uses it. */
export interface InspectionLike {
  derived(): ReadonlyArray<DerivedEntry>
  subscribe(listener: () => void): () => void
  diskEntries(): Promise<ReadonlyArray<DiskEntry>>
  simulateOffline(offline: boolean | null): void
}

/** `store.$drift`'s value: the token's claims against the API's answer. */
export interface DriftLike {
  permissions: { added: string[]; removed: string[] }
  roles: { added: string[]; removed: string[] }
  featureFlags: { changed: string[] }
}

/** The store as the panel sees it: the public API, plus `inspect()` and `$drift` where they exist. */
export type InspectableStore = AccountStore & {
  inspect?: () => InspectionLike
  readonly $drift?: ReadableAtom<DriftLike | null>
}

/** Everything one render shows. `undefined` means "this store cannot tell". */
export interface Snapshot {
  now: number
  resources: Array<{ name: ResourceName; state: ResourceState<unknown> }>
  session: SessionState
  derived: ReadonlyArray<DerivedEntry> | undefined
  drift: DriftLike | null | undefined
  disk: ReadonlyArray<DiskEntry> | 'loading' | undefined
  /** The panel's offline simulation: `null` when off (the real signal rules). */
  simulated: boolean | null
}
