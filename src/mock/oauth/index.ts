import type { MockState } from '../data/state'
import type { Signer } from '../jwt'
import { json } from '../responses'
import type { MockTokens } from '../tokens'
import { authorizeResponse } from './authorize'
import { withCredentialedCors } from './cors'
import { discovery } from './discovery'
import { createGrants } from './grants'
import { logoutResponse } from './logout'
import { tokenResponse } from './token'

export type OAuthRoute = 'discovery' | 'authorize' | 'token' | 'logout'

export interface OAuthDeps {
  state: MockState; tokens: MockTokens; signer: Signer; now: () => number; iss: () => string
  /** Access and ID token lifetime in seconds. */
  expiresIn: number
}

/** The OAuth/OIDC endpoints Kinde's browser SDKs call (ARCHITECTURE.md, "Mock"). */
export function createOAuth(deps: OAuthDeps) {
  const grants = createGrants(deps.now)
  let expiresIn = deps.expiresIn
  const tokenDeps = { ...deps, grants, expiresIn: () => expiresIn }

  async function answer(route: OAuthRoute, request: Request, url: URL): Promise<Response> {
    switch (route) {
      case 'discovery': return json(200, discovery(deps.iss()))
      case 'authorize': return authorizeResponse(url.searchParams, deps.state, grants)
      case 'token': return tokenResponse(tokenDeps, request)
      case 'logout': return logoutResponse(url.searchParams)
    }
  }

  return {
    answer: async (route: OAuthRoute, request: Request, url: URL) =>
      withCredentialedCors(request, await answer(route, request, url)),
    setExpiresIn(seconds: number) {
      if (!Number.isFinite(seconds)) throw new Error('kinde-account-sync/mock: expiresIn must be a number of seconds')
      expiresIn = seconds
    },
  }
}

export type MockOAuth = ReturnType<typeof createOAuth>
export const isOAuthRoute = (route: string): route is OAuthRoute =>
  route === 'discovery' || route === 'authorize' || route === 'token' || route === 'logout'
