// What the panel reads, typed structurally: a store without `inspect()` or `$drift` (an older
// version of the core) still works, and the panel says what it cannot show.
import type { ReadableAtom } from 'nanostores'
import type { AccountStore, ResourceName, ResourceState, SessionState } from 'kinde-account-sync'

/** Where a derived value's answer came from (ARCHITECTURE.md, "Flow"). */
export type AnswerSource = 'network' | 'tab' | 'claims' | 'cache' | 'fallback'

/** One memoised derived value the app asked for. */
export interface DerivedEntry {
  /** Which store method made it: `flag`, `hasPermission` (`permission`), `hasRole` (`role`), `hasEntitlement` (`entitlement`), `property` or `has`. */
  kind: 'flag' | 'permission' | 'role' | 'entitlement' | 'property' | 'has'
  /** The key it was asked for (for `has`, its lists as JSON). */
  key: string
  /** Its value now. */
  value: unknown
  /** Where the value came from. */
  from: AnswerSource
}

/** One persisted entry of the current identity: its key and size, never its value. */
export interface DiskEntry {
  /** The storage key: `v1|<iss>|<sub>|<org_code or ->|<resource>`. */
  key: string
  /** The resource: `'roles'`, `'entitlement:seats'`, … */
  resource: string
  /** The size of its data: UTF-8 bytes of the data as JSON text. */
  bytes: number
  /** When the data was fetched from the network, ms since the epoch. */
  updatedAt: number
}

/** `store.inspect()`'s answer, as far as the panel uses it. */
export interface InspectionLike {
  /** The memoised derived values the app asked for so far. */
  derived(): ReadonlyArray<DerivedEntry>
  /** Calls `listener` whenever `derived()` would answer differently; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
  /** This identity's persisted entries, sizes only. */
  diskEntries(): Promise<ReadonlyArray<DiskEntry>>
  /** Simulates offline (`true`) or online (`false`) for this tab only; `null` restores the real signal. */
  simulateOffline(offline: boolean | null): void
}

/** `store.$drift`'s value: the token's claims against the API's answer. */
export interface DriftLike {
  /** Permission keys: `added` the API has and the claims lack, `removed` the reverse. */
  permissions: { added: string[]; removed: string[] }
  /** Role keys: `added` the API has and the claims lack, `removed` the reverse. */
  roles: { added: string[]; removed: string[] }
  /** `changed`: flag keys whose claimed value differs from the API's, or that only one side has. */
  featureFlags: { changed: string[] }
}

/** The store as the panel sees it: the public API, plus `inspect()` and `$drift` where they exist. */
export type InspectableStore = AccountStore & {
  /** `store.inspect()`, where the store has it. */
  inspect?: () => InspectionLike
  /** `store.$drift`, where the store has it: `null` until the API answered for this identity. */
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
