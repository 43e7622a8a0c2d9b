import type { ClaimsDrift } from '../store/drift'

// Kinde's SDKs as this bridge sees them: structurally, so no Kinde package is a dependency.

/** `@kinde/js-utils` session managers (`MemoryStorage`, `LocalStorage`, `ChromeStore`, your own). */
export interface KindeSessionManagerLike {
  /** The item stored under `key`, or a promise of it; the bridge reads `'accessToken'` and `'refreshToken'`. */
  getSessionItem(key: string): unknown
  /** Listeners are called with no argument, after any change (batched). */
  subscribe(listener: () => void): () => void
}

/** The client `createKindeClient()` of `@kinde-oss/kinde-auth-pkce-js` resolves to. */
export interface KindePkceClientLike {
  /** The stored token, refreshed first when it is within 30 s of expiry; `undefined` when it has none now. */
  getAccessToken(): Promise<string | undefined>
  /** Not called by the bridge: with `getAccessToken`, it is how a pkce-js client is recognised. */
  isAuthenticated(): Promise<boolean>
  /**
   * The stored ID token: with none, no access token means signed out; with one, a refresh is under
   * way (`undefined`: not known now). Without this method, no access token means signed out.
   */
  getIdToken?(): Promise<string | undefined>
}

/** The value `useKindeAuth()` of `@kinde-oss/kinde-auth-react` returns. */
export interface KindeReactAuthLike {
  /** Only reads storage: never refreshes. */
  getAccessToken(): Promise<string | null | undefined>
  /** js-utils' `refreshToken`: needs `{ domain, clientId }`. */
  refreshToken(options: { domain: string; clientId: string }): Promise<unknown>
  /** A boolean here (a function in pkce-js): how the bridge tells the two SDKs apart. */
  isAuthenticated: boolean
}

/** What {@link fromKinde} takes: one of Kinde's SDKs, recognised by its shape. */
export type KindeSdk = KindeSessionManagerLike | KindePkceClientLike | KindeReactAuthLike

/** Options of {@link fromKinde}. */
export interface FromKindeOptions {
  /** Ask the SDK for a fresh token once per claims-drift episode, so the JWT catches up with the API. @default false */
  refreshOnDrift?: boolean
  /**
   * How to get a fresh token, replacing the bridge's default for the SDK (see the README): e.g.
   * `() => refreshToken({ domain, clientId })` from `@kinde/js-utils` for a session manager, or from
   * `@kinde-oss/kinde-auth-pkce-js` (needed there for `refreshOnDrift`).
   */
  refresh?: () => unknown
  /** Your Kinde domain, for React's `refreshToken()`. @default the token's `iss` */
  domain?: string
  /** Your application's client id, for React's `refreshToken()`. @default the token's `azp` */
  clientId?: string
}

/**
 * The store options {@link fromKinde} returns.
 * @example
 * ```ts
 * const store = createAccountStore({ ...fromKinde(kinde, { refreshOnDrift: true }) })
 * ```
 */
export interface KindeBridge {
  /**
   * Read on every trigger: a string is the token, `null` signed out, `undefined` not known now (keep
   * the last). For a session manager it also has `subscribe`, so the store reads it again whenever
   * the session manager's items change (a refresh, a sign-in, `destroySession()`), not only on the next trigger.
   */
  token: (() => Promise<string | null | undefined>) & {
    /** A session manager's `subscribe`: calls `listener` (no argument) after its items change; returns how to stop. */
    subscribe?: (listener: () => void) => () => void
  }
  /** Asks the SDK to refresh; the store then reads `token` again. Never rejects. */
  onUnauthorized: () => Promise<void>
  /** With `refreshOnDrift`: asks the SDK for a fresh token. Never rejects. */
  onDrift?: (drift: ClaimsDrift) => Promise<void>
}
