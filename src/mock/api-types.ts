import type {
  IssueTokenOptions, ListenOptions, MockEntitlement, MockFault, MockFaultOptions, MockFeatureFlag, MockFlagValue,
  MockOrg, MockPlan, MockProfile, MockProperty, MockRequest, MockRoute, MockSeed, MockServer, MockUser, OrgScope,
} from './types'

/** List routes that can answer without `metadata` (ARCHITECTURE.md, "Mock"). */
export type MockListRoute = 'permissions' | 'roles' | 'featureFlags' | 'properties' | 'entitlements'

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

export interface MockAccountApi {
  /** In-process API: no socket; works in Node, happy-dom and browsers. Honours `init.signal`. */
  fetch: typeof globalThis.fetch
  /** The same API as a `Request → Response` function (for service workers, MSW, custom servers). */
  handle(request: Request, signal?: AbortSignal): Promise<Response>
  /** The option's base URL, or the server's URL while listening. New tokens carry it as `iss`. */
  readonly baseUrl: string
  /** Serve over HTTP (Node only) with CORS. Tokens issued afterwards carry the server URL as `iss`. */
  listen(options?: ListenOptions): Promise<MockServer>

  /** A signed RS256 JWT with Kinde's access-token claims from the user's data *now* (later changes do not alter it). */
  issueToken(userId: string, options?: IssueTokenOptions): Promise<string>
  /** Changes `expires_in` of the tokens `/oauth2/token` issues from now on (seconds). */
  setExpiresIn(seconds: number): void
  /** Later calls with this token get 403 on the Account API and user_profile, 401 on introspect/revoke. */
  revokeToken(token: string): void
  /** The public key set, also served at `/.well-known/jwks.json`. */
  jwks(): Promise<{ keys: Record<string, unknown>[] }>

  userIds(): string[]
  orgCodes(userId: string): string[]
  orgs(): MockOrg[]
  /** A copy of a user's current data. */
  user(userId: string): MockUser

  setFlag(userId: string, key: string, value: MockFlagValue, options?: OrgScope & { type?: MockFeatureFlag['type'] }): void
  removeFlag(userId: string, key: string, options?: OrgScope): void
  grantPermission(userId: string, key: string, options?: OrgScope): void
  revokePermission(userId: string, key: string, options?: OrgScope): void
  setRoles(userId: string, roles: { key: string; name?: string; id?: string }[], options?: OrgScope): void
  setProperty(userId: string, key: string, value: MockProperty['value']): void
  removeProperty(userId: string, key: string): void
  setEntitlements(userId: string, entitlements: (Partial<MockEntitlement> & { feature_key: string })[], options?: OrgScope): void
  setPlans(userId: string, plans: (Partial<MockPlan> & { key: string })[], options?: OrgScope): void
  setProfile(userId: string, patch: Partial<Omit<MockProfile, 'id' | 'sub'>>): void

  /** Inject a fault on one route or all (`'*'`); returns its id. */
  fault(route: MockRoute | '*', fault: MockFault, options?: MockFaultOptions): string
  clearFault(id: string): void
  clearFaults(): void

  /** Every request so far, oldest first (no tokens). */
  readonly requests: MockRequest[]
  clearRequests(): void
}
