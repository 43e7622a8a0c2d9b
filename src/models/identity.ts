// Who the data belongs to, what the token says, what is stored, and where the token comes from.

/** Who the data belongs to. Two tokens with the same identity share data; any difference resets it. */
export interface Identity {
  /** The token's `iss`: the Kinde domain (or custom domain) that issued it. */
  iss: string
  /** The user id (`kp_…`). */
  sub: string
  /** `org_code` (or `x-hasura-org-code`); null when the token has none. */
  orgCode: string | null
}

/** The access-token claims the library reads (Kinde's documented claims, Hasura-mapped twins included). Decoded, never verified. */
export interface AccessTokenClaims {
  /** Issuer: the Kinde domain (or custom domain) that issued the token; the client's default base URL. */
  iss?: string
  /** Subject: the user id (`kp_…`). */
  sub?: string
  /** When the token expires, Unix seconds; the store never sends a token past it. */
  exp?: number
  /** When the token was issued, Unix seconds. */
  iat?: number
  /** The audience: one string or a list. */
  aud?: string[] | string
  /** The org the token was issued for (`org_…`). */
  org_code?: string
  /** Permission keys in that org. */
  permissions?: string[]
  /** Roles in that org, each `{ id?, key, name? }`; only `key` is read. */
  roles?: { id?: string; key: string; name?: string }[]
  /**
   * Flags by key, each `{ t, v }`: `t` the type code (`b` boolean, `i` integer, `s` string, `j`
   * object), `v` the value. A flag whose value does not fit its type code is left out.
   */
  feature_flags?: Record<string, { t?: 'b' | 'i' | 's' | 'j' | string; v?: unknown }>
  /** `org_code` as Kinde's Hasura mapping names it; read when `org_code` is absent. */
  'x-hasura-org-code'?: string
  /** `permissions` as Kinde's Hasura mapping names it; read when `permissions` is absent. */
  'x-hasura-permissions'?: string[]
  /** `roles` as Kinde's Hasura mapping names it; read when `roles` is absent. */
  'x-hasura-roles'?: { id?: string; key: string; name?: string }[]
  /** `feature_flags` as Kinde's Hasura mapping names it; read when `feature_flags` is absent. */
  'x-hasura-feature-flags'?: Record<string, { t?: string; v?: unknown }>
  [claim: string]: unknown
}

/**
 * What is stored per (identity, resource). Never a token, a portal link or an error.
 * @property data - The resource's data, as the store last received it.
 * @property updatedAt - When it was fetched from the network, ms since the epoch; `maxAge` counts from it.
 */
export interface PersistedEntry<T = unknown> { data: T; updatedAt: number }

/**
 * A token, or something that yields one when asked (Kinde's SDK `getToken`, say). A getter that
 * also has a `subscribe(listener)` method (the listener gets no argument; it returns how to stop)
 * is re-read whenever that listener is called, besides on every trigger: `fromKinde()` gives one
 * for a session manager, so a token the SDK stores (a refresh, a sign-in, `destroySession()`)
 * reaches the store at once.
 */
export type TokenGetter = () => string | null | undefined | Promise<string | null | undefined>

/** Anything with a Svelte/nanostores/rxjs-style `subscribe`. */
export interface TokenSubscribable {
  /**
   * Calls `fn` with each token (`null` or `undefined`: none); returns the unsubscribe function, or
   * an object with `unsubscribe()` (an rxjs `Subscription`).
   */
  subscribe(fn: (token: string | null | undefined) => void): (() => void) | { unsubscribe(): void }
}

/**
 * A Kinde session manager (`@kinde/js-utils`' MemoryStorage, LocalStorage, ChromeStore): listeners
 * are called with no argument; the token is `getSessionItem('accessToken')`.
 */
export interface TokenSessionManager extends TokenSubscribable {
  /** The item stored under `key`, or a promise of it; the store asks for `'accessToken'`. */
  getSessionItem(key: string): unknown
}

/** Where the store gets its access token. */
export type TokenSource = string | null | undefined | TokenGetter | TokenSubscribable | TokenSessionManager
