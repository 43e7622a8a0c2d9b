/** What `store.inspect()` gives devtools. Read-only views; `simulateOffline` is the one lever. */
export interface StoreInspection {
  /** The memoised derived values asked so far, with where each answer came from. */
  derived(): ReadonlyArray<{
    /** Which store method made it: `flag`, `hasPermission` (`permission`), `hasRole` (`role`), `hasEntitlement` (`entitlement`), `property` or `has`. */
    kind: 'flag' | 'permission' | 'role' | 'entitlement' | 'property' | 'has'
    /** The key it was asked for (for `has`, its lists as JSON). */
    key: string
    /** Its value now. */
    value: unknown
    /** Where the value came from: this tab's network, another tab, the token's claims, persisted data, or the fallback. */
    from: 'network' | 'tab' | 'claims' | 'cache' | 'fallback'
  }>
  /** Called whenever derived() would answer differently. Returns unsubscribe. */
  subscribe(listener: () => void): () => void
  /**
   * This identity's persisted entries (keys and sizes only, never values): each with its storage
   * `key`, its `resource`, `bytes` (the size of its data as UTF-8 JSON text) and `updatedAt` (ms since the epoch).
   */
  diskEntries(): Promise<ReadonlyArray<{ key: string; resource: string; bytes: number; updatedAt: number }>>
  /** Simulate offline for this tab only (true/false); null restores the real signal. */
  simulateOffline(offline: boolean | null): void
}
