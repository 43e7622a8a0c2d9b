import type {
  IssueTokenOptions, ListenOptions, MockEntitlement, MockFault, MockFaultOptions, MockFeatureFlag, MockFlagValue,
  MockOrg, MockPlan, MockProfile, MockProperty, MockRequest, MockRoute, MockSeed, MockServer, MockUser, OrgScope,
} from './types'

/** List routes that can answer without `metadata` (ARCHITECTURE.md, "Mock", fact 2). */
export type MockListRoute = 'permissions' | 'roles' | 'featureFlags' | 'properties' | 'entitlements'

/** Options of `createMockAccountApi`. */
export interface MockAccountApiOptions {
  /** Origin of the in-process API and `iss` of tokens issued before `listen()`. @default 'https://mock.kinde.local' */
  baseUrl?: string
  /** The data to serve (copied; the mock never changes your object). @default the built-in seed, `defaultSeed()` */
  seed?: MockSeed
  /** Clock in ms since epoch, for token `iat`/`exp`, expiry checks and the log. @default Date.now */
  now?: () => number
  /** `azp` claim of issued tokens and `client_id` of introspection. @default 'mock_client_id' */
  clientId?: string
  /**
   * List routes answered in one piece without `metadata`, as the spec shows `feature_flags` (and
   * Kinde's fixtures `roles`). A response without metadata is the last page, so these ignore
   * `page_size`. @default ['featureFlags']
   */
  omitMetadata?: MockListRoute[]
  /** Called with one line per finished request, e.g. `console.log`. Never receives a token. @default none */
  log?: (line: string) => void
  /** `expires_in` (seconds) of the access and ID tokens `/oauth2/token` issues; short to watch an SDK refresh. @default 3600 */
  expiresIn?: number
}

/**
 * A mock Kinde Account API: serve it in-process (`fetch`) or over HTTP (`listen`), issue tokens,
 * change its data, inject faults and read the request log.
 *
 * @example
 * ```ts
 * const api = createMockAccountApi()
 * const store = createAccountStore({ token: await api.issueToken('kp_alice'), fetch: api.fetch, persist: false })
 * api.fault('roles', { status: 503 }, { times: 1 })
 * ```
 */
export interface MockAccountApi {
  /** In-process API: no socket; works in Node, happy-dom and browsers. Honours `init.signal`. */
  fetch: typeof globalThis.fetch
  /** The same API as a `Request → Response` function (for service workers, MSW, custom servers). */
  handle(request: Request, signal?: AbortSignal): Promise<Response>
  /** The option's base URL, or the server's URL while listening. New tokens carry it as `iss`. */
  readonly baseUrl: string
  /** Serve over HTTP (Node only) with CORS. Tokens issued afterwards carry the server URL as `iss`. */
  listen(options?: ListenOptions): Promise<MockServer>

  /**
   * A signed RS256 JWT with Kinde's claims (`sub`, `iss`, `exp`, `iat`, `aud`, `azp`, `jti`, `scp`,
   * `org_code`, `permissions`, `roles`, `feature_flags`) from the user's data *now*: later changes
   * to the API's data do not alter it, as at Kinde.
   */
  issueToken(userId: string, options?: IssueTokenOptions): Promise<string>
  /** Changes `expires_in` of the tokens `/oauth2/token` issues from now on (seconds). */
  setExpiresIn(seconds: number): void
  /** Later calls with this token get 403 on the Account API and user_profile, 401 on introspect/revoke. */
  revokeToken(token: string): void
  /** The public key set, also served at `/.well-known/jwks.json`. */
  jwks(): Promise<{
    /** The public keys, as JWKs. */
    keys: Record<string, unknown>[]
  }>

  /** Every user id of the seed, e.g. `['kp_alice', 'kp_bob', 'kp_carol']`. */
  userIds(): string[]
  /** The orgs a user belongs to, the default one first. */
  orgCodes(userId: string): string[]
  /** Every org of the seed. */
  orgs(): MockOrg[]
  /** A copy of a user's current data. */
  user(userId: string): MockUser

  /** Sets a flag's value in an org (creating the flag if needed; `type` follows the value unless given). */
  setFlag(userId: string, key: string, value: MockFlagValue, options?: OrgScope & { type?: MockFeatureFlag['type'] }): void
  /** Removes a flag from an org. */
  removeFlag(userId: string, key: string, options?: OrgScope): void
  /** Grants a permission in an org (a no-op if held). */
  grantPermission(userId: string, key: string, options?: OrgScope): void
  /** Revokes a permission in an org. */
  revokePermission(userId: string, key: string, options?: OrgScope): void
  /** Replaces the user's roles in an org. */
  setRoles(userId: string, roles: { key: string; name?: string; id?: string }[], options?: OrgScope): void
  /** Sets a user property (creating it if needed). */
  setProperty(userId: string, key: string, value: MockProperty['value']): void
  /** Removes a user property. */
  removeProperty(userId: string, key: string): void
  /** Replaces the org's entitlements for the user (snake_case fields; missing ones get defaults). */
  setEntitlements(userId: string, entitlements: (Partial<MockEntitlement> & { feature_key: string })[], options?: OrgScope): void
  /** Replaces the org's plans for the user. */
  setPlans(userId: string, plans: (Partial<MockPlan> & { key: string })[], options?: OrgScope): void
  /** Changes profile fields (not `id` or `sub`). */
  setProfile(userId: string, patch: Partial<Omit<MockProfile, 'id' | 'sub'>>): void

  /**
   * Injects a fault on one route or all (`'*'`); returns its id for `clearFault`. A route's own
   * fault wins over `'*'`, then the oldest; latency faults stack with the others.
   *
   * @example
   * ```ts
   * api.fault('permissions', { status: 429, rateLimitReset: 30 }, { times: 1 }) // the next request only
   * api.fault('*', { latency: 2_000 })                                          // until cleared
   * ```
   */
  fault(route: MockRoute | '*', fault: MockFault, options?: MockFaultOptions): string
  /** Removes one fault by the id `fault()` returned. */
  clearFault(id: string): void
  /** Removes every fault. */
  clearFaults(): void

  /** Every request so far, oldest first (no tokens). */
  readonly requests: MockRequest[]
  /** Empties the request log. */
  clearRequests(): void
}
