import { RESOURCE_NAMES, type ResourceName } from '../models'
import type { Random } from '../schedule/backoff'
import { createOnlineSignal, createVisibilitySignal, hasBroadcastChannel, type EnvironmentSignal } from '../schedule/environment'
import type { TabSync, TabSyncOptions } from '../tabs/types'
import type { AccountStoreOptions } from './types'

/** @internal Test seams: clock, seeded jitter, environment signals, tab factory. Not public API. */
export interface StoreInternals {
  now?: () => number
  random?: Random
  visibility?: EnvironmentSignal
  online?: EnvironmentSignal
  createTabSync?: (options: TabSyncOptions) => TabSync | null
}

/** Every default of the store, resolved once (the option docs in types.ts name the same values). */
export function resolveOptions(options: AccountStoreOptions, internals: StoreInternals = {}) {
  const { retry = {} } = options
  return {
    token: options.token,
    domain: options.domain,
    resources: (options.resources ?? RESOURCE_NAMES) as readonly ResourceName[],
    refreshInterval: options.refreshInterval ?? 300_000,
    refetchOnFocus: options.refetchOnFocus ?? true,
    refetchOnReconnect: options.refetchOnReconnect ?? true,
    onUnauthorized: options.onUnauthorized,
    retry: { attempts: retry.attempts ?? 3, baseDelay: retry.baseDelay ?? 1000, maxDelay: retry.maxDelay ?? 60_000 },
    persist: options.persist,
    crossTab: options.crossTab ?? hasBroadcastChannel(),
    pageSize: options.pageSize,
    fetch: options.fetch,
    /** Per request, and the bound on one read of a function token source. */
    timeout: options.timeout ?? 10_000,
    /** Data seen within this window is not refetched on focus or reconnect (ARCHITECTURE.md, rule 9). */
    revalidateAge: 30_000,
    /** How long a follower waits for the leader's answer before it fetches itself. */
    tabAnswerWait: 2000,
    now: internals.now ?? (() => Date.now()),
    random: internals.random ?? Math.random,
    visibility: internals.visibility ?? createVisibilitySignal(),
    online: internals.online ?? createOnlineSignal(),
    createTabSync: internals.createTabSync,
  }
}

export type StoreConfig = ReturnType<typeof resolveOptions>
