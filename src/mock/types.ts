// Seed and wire shapes are snake_case, exactly as the Account API sends them, so a seed reads like
// a captured response and the mock never needs a mapping layer.

export interface MockProfile {
  id: string
  sub: string
  provided_id: string | null
  name: string
  given_name: string
  family_name: string
  email: string
  email_verified: boolean
  picture: string | null
  preferred_username: string | null
  /** Unix seconds. */
  updated_at: number
}

export interface MockPermission { id: string; key: string; name: string }
export interface MockRole { id: string; key: string; name: string }
export type MockFlagType = 'boolean' | 'string' | 'integer' | 'object'
export type MockFlagValue = string | boolean | number | Record<string, unknown>
export interface MockFeatureFlag { id: string; key: string; name: string; type: MockFlagType; value: MockFlagValue }
export interface MockProperty { id: string; key: string; name: string; value: string | boolean | number }
export interface MockPlan { key: string; name: string; subscribed_on: string }
export interface MockEntitlement {
  id: string
  fixed_charge: number | null
  price_name: string
  unit_amount: number | null
  feature_key: string
  feature_name: string
  entitlement_limit_max: number | null
  entitlement_limit_min: number | null
}

/** What a user has inside one organisation: everything the org-scoped endpoints return. */
export interface MockMembership {
  org_code: string
  permissions: MockPermission[]
  roles: MockRole[]
  feature_flags: MockFeatureFlag[]
  plans: MockPlan[]
  entitlements: MockEntitlement[]
}

export interface MockUser {
  profile: MockProfile
  properties: MockProperty[]
  /** The first membership is the user's default org (tokens issued without `orgCode` use it). */
  memberships: MockMembership[]
}

export interface MockOrg { code: string; name: string }

export interface MockSeed { orgs: MockOrg[]; users: MockUser[] }

/** The fault-injectable routes: one per operation of the spec (with the errata). */
export type MockRoute =
  | 'profile' | 'permissions' | 'roles' | 'featureFlags' | 'properties' | 'entitlements' | 'entitlement'
  | 'portalLink' | 'introspect' | 'revoke'

/** Routes that answer without auth and cannot be faulted. */
export type MockExtraRoute = 'jwks' | 'portalRedirect' | 'discovery' | 'authorize' | 'token' | 'logout'

export type MockFault =
  /** A throttled answer. Without `rateLimitReset`/`retryAfter` no header is sent. */
  | { status: 429; rateLimitReset?: number; retryAfter?: number | string; body?: unknown; headers?: Record<string, string> }
  /** Any status; `body` is sent as JSON (a string as-is); default: a Kinde-style `errors` body. */
  | { status: number; body?: unknown; headers?: Record<string, string> }
  /** Wait this many ms (fake-timer friendly), then answer normally (or with the next fault). */
  | { latency: number }
  /** Never answer; only the request's AbortSignal (or the client disconnecting) ends it. */
  | { hang: true }
  /** 200 with a JSON content type and a body that is not JSON. */
  | { malformed: true }
  /** 200 with this (wrong-shaped) JSON body. */
  | { body: unknown }

export interface MockFaultOptions {
  /** How many requests the fault applies to. @default Infinity (until cleared) */
  times?: number
}

/** One line of the request log. Never holds a token. */
export interface MockRequest {
  /** ms since epoch (the mock's clock) when the request arrived. */
  at: number
  method: string
  path: string
  route: MockRoute | MockExtraRoute | null
  query: Record<string, string>
  userId: string | null
  orgCode: string | null
  /** null while in flight, or when it hung until aborted. */
  status: number | null
}

export interface IssueTokenOptions {
  /** Org the token is for. `null`: no org claim. @default the user's first org */
  orgCode?: string | null
  /** Lifetime in seconds; negative issues an already-expired token. @default 3600 */
  expiresIn?: number
  /** Extra claims merged over the computed ones; a claim set to `undefined` is removed. */
  claims?: Record<string, unknown>
}

export interface OrgScope {
  /** @default the user's first org */
  orgCode?: string
}

export interface ListenOptions {
  /** @default 0 (a free port) */
  port?: number
  /** @default '127.0.0.1' */
  host?: string
}

export interface MockServer { url: string; close(): Promise<void> }
