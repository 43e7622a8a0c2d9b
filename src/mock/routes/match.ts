import type { MockExtraRoute, MockRoute } from '../types'

const FIXED: Record<string, { method: 'GET' | 'POST'; route: MockRoute | MockExtraRoute }> = {
  '/oauth2/v2/user_profile': { method: 'GET', route: 'profile' },
  '/account_api/v1/permissions': { method: 'GET', route: 'permissions' },
  '/account_api/v1/roles': { method: 'GET', route: 'roles' },
  '/account_api/v1/feature_flags': { method: 'GET', route: 'featureFlags' },
  '/account_api/v1/properties': { method: 'GET', route: 'properties' },
  '/account_api/v1/entitlements': { method: 'GET', route: 'entitlements' },
  '/account_api/v1/portal_link': { method: 'GET', route: 'portalLink' },
  '/oauth2/introspect': { method: 'POST', route: 'introspect' },
  '/oauth2/revoke': { method: 'POST', route: 'revoke' },
  '/.well-known/jwks.json': { method: 'GET', route: 'jwks' },
  '/portal_redirect': { method: 'GET', route: 'portalRedirect' },
  '/.well-known/openid-configuration': { method: 'GET', route: 'discovery' },
  '/oauth2/auth': { method: 'GET', route: 'authorize' },
  '/oauth2/token': { method: 'POST', route: 'token' },
  '/logout': { method: 'GET', route: 'logout' },
}

const ENTITLEMENT = '/account_api/v1/entitlement/'

export type Match =
  | { kind: 'route'; route: MockRoute | MockExtraRoute; key?: string }
  | { kind: 'method'; route: MockRoute | MockExtraRoute; allow: string }
  | { kind: 'none' }

/**
 * Path → route. The single entitlement lives at `/entitlement/{key}` with the key URL-encoded
 * (ARCHITECTURE.md, "Mock", fact 1); the spec's template-less `/entitlement` is a 404 here, as it is at Kinde.
 */
export function matchRoute(method: string, pathname: string): Match {
  let route: MockRoute | MockExtraRoute | undefined
  let allowed: 'GET' | 'POST' = 'GET'
  let key: string | undefined
  if (pathname.startsWith(ENTITLEMENT) && pathname.length > ENTITLEMENT.length && !pathname.slice(ENTITLEMENT.length).includes('/')) {
    try {
      key = decodeURIComponent(pathname.slice(ENTITLEMENT.length))
    } catch {
      return { kind: 'none' }
    }
    route = 'entitlement'
  } else {
    const fixed = FIXED[pathname]
    if (!fixed) return { kind: 'none' }
    route = fixed.route
    allowed = fixed.method
  }
  if (method !== allowed) return { kind: 'method', route, allow: `${allowed}, OPTIONS` }
  return key === undefined ? { kind: 'route', route } : { kind: 'route', route, key }
}

const FAULTABLE: readonly string[] = ['profile', 'permissions', 'roles', 'featureFlags', 'properties', 'entitlements',
  'entitlement', 'portalLink', 'introspect', 'revoke']

export const isMockRoute = (route: string): route is MockRoute => FAULTABLE.includes(route)
