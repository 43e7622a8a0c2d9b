/** What `store.inspect()` gives devtools. Read-only views; `simulateOffline` is the one lever. */
export interface StoreInspection {
  /** The memoised derived values asked so far, with where each answer came from. */
  derived(): ReadonlyArray<{
    kind: 'flag' | 'permission' | 'role' | 'entitlement' | 'property' | 'has'
    key: string
    value: unknown
    from: 'network' | 'tab' | 'claims' | 'cache' | 'fallback'
  }>
  /** Called whenever derived() would answer differently. Returns unsubscribe. */
  subscribe(listener: () => void): () => void
  /** This identity's persisted entries (keys and sizes only, never values). */
  diskEntries(): Promise<ReadonlyArray<{ key: string; resource: string; bytes: number; updatedAt: number }>>
  /** Simulate offline for this tab only (true/false); null restores the real signal. */
  simulateOffline(offline: boolean | null): void
}
