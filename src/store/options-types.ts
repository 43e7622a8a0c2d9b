import type { ResourceName, TokenSource } from '../models'
import type { PersistOptions } from '../persist/types'
import type { ClaimsDrift } from './drift'

/** The store's `retry` option: how failed requests (network, 5xx, timeout) are retried, with capped exponential backoff and full jitter. */
export interface RetryOptions {
  /** Retries after the first failure (network, 5xx, timeout). @default 3 */
  attempts?: number
  /** First retry delay, ms; doubles each time, with full jitter. @default 1000 */
  baseDelay?: number
  /** Cap on any retry delay, ms. @default 60_000 */
  maxDelay?: number
}

/** Options of {@link createAccountStore}; each names its default (README, "The store: `createAccountStore(options)`"). */
export interface AccountStoreOptions {
  /**
   * The access token source: string, null, function (re-read on every trigger; `undefined` keeps
   * the last token, `null` signs out), Observable, store, or a Kinde session manager.
   */
  token: TokenSource
  /** Base URL of the Kinde domain. @default the token's `iss` */
  domain?: string
  /** The resources kept in sync eagerly while signed in. @default all six */
  resources?: ResourceName[]
  /** Poll interval in ms; `false` polls only on token change, focus, reconnect and `refresh()`. @default 300_000 */
  refreshInterval?: number | false
  /** Refetch data older than 30 s when the page becomes visible. @default true */
  refetchOnFocus?: boolean
  /** Refetch data older than 30 s when the browser comes back online. @default true */
  refetchOnReconnect?: boolean
  /** Called once per unauthorized episode (e.g. to refresh the Kinde session); the token source is then re-read. */
  onUnauthorized?: () => void | Promise<void>
  /** Retries for network, 5xx and timeout errors. */
  retry?: RetryOptions
  /** Persist to IndexedDB. @default true where IndexedDB exists */
  persist?: boolean | PersistOptions
  /** Share one poller across tabs. @default true where BroadcastChannel exists */
  crossTab?: boolean
  /** `page_size` for list endpoints. @default 100 */
  pageSize?: number
  /** @default globalThis.fetch */
  fetch?: typeof globalThis.fetch
  /** Milliseconds per request. @default 10_000 */
  timeout?: number
  /** Called once per claims-drift episode (the token's claims disagree with the API); the token source is read again after it. */
  onDrift?: (drift: ClaimsDrift) => void | Promise<void>
}
