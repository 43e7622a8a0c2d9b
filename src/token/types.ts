/** Who the data belongs to. Two tokens with the same identity share data; any difference resets it. */
export interface Identity {
  /** The token's `iss`: the Kinde domain (or custom domain) that issued it. */
  iss: string
  /** The user id (`kp_…`). */
  sub: string
  /** `org_code` (or `x-hasura-org-code`); null when the token has none. */
  orgCode: string | null
}

/** The access-token claims the library reads (ERRATA §10). Decoded, never verified. */
export interface AccessTokenClaims {
  iss?: string
  sub?: string
  exp?: number
  iat?: number
  aud?: string[] | string
  org_code?: string
  permissions?: string[]
  roles?: { id?: string; key: string; name?: string }[]
  feature_flags?: Record<string, { t?: 'b' | 'i' | 's' | 'j' | string; v?: unknown }>
  'x-hasura-org-code'?: string
  'x-hasura-permissions'?: string[]
  'x-hasura-roles'?: { id?: string; key: string; name?: string }[]
  'x-hasura-feature-flags'?: Record<string, { t?: string; v?: unknown }>
  [claim: string]: unknown
}
