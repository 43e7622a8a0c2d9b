import { empty, json, kindeError, oauthError } from '../responses'
import type { MockTokens } from '../tokens'

export interface OAuthContext { tokens: MockTokens; bearer: string | null; form: URLSearchParams }

const REASONS = { missing: 'No token', invalid: 'The token is not valid', expired: 'The token has expired',
  revoked: 'The token has been revoked', unknown_user: 'The token names an unknown user' } as const

/**
 * The caller proves itself with the bearer token or, as Kinde's browser SDK does on revoke, with
 * the token in the form. An expired, revoked or foreign one gets 401 OAuth-style (ARCHITECTURE.md, "Mock").
 */
async function authorize(ctx: OAuthContext): Promise<Response | null> {
  const result = await ctx.tokens.authenticate(ctx.bearer ?? ctx.form.get('token'))
  return result.ok ? null : oauthError(401, 'invalid_token', REASONS[result.reason])
}

const HINTS = new Set(['access_token', 'refresh_token'])

export async function introspectResponse(ctx: OAuthContext): Promise<Response> {
  const token = ctx.form.get('token')
  if (!token) return oauthError(400, 'invalid_request', 'token is required')
  const hint = ctx.form.get('token_type_hint')
  if (hint !== null && !HINTS.has(hint)) return oauthError(400, 'invalid_request', 'unknown token_type_hint')
  const denied = await authorize(ctx)
  if (denied) return denied
  const subject = await ctx.tokens.authenticate(token)
  // RFC 7662: a token that is not (or no longer) good is simply inactive.
  if (!subject.ok) return json(200, { active: false })
  const { aud, azp, exp, iat } = subject.claims
  return json(200, {
    active: true, aud: Array.isArray(aud) ? aud : typeof aud === 'string' ? [aud] : [],
    client_id: typeof azp === 'string' ? azp : '', exp, iat,
  })
}

export async function revokeResponse(ctx: OAuthContext): Promise<Response> {
  const token = ctx.form.get('token')
  const clientId = ctx.form.get('client_id')
  if (!token || !clientId) return kindeError(400, 'invalid_request', 'token and client_id are required')
  const hint = ctx.form.get('token_type_hint')
  if (hint !== null && !HINTS.has(hint)) return kindeError(400, 'invalid_request', 'unknown token_type_hint')
  const denied = await authorize(ctx)
  if (denied) return denied
  ctx.tokens.revoke(token)
  return empty(200)
}
