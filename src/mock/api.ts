import { createApp } from './app'
import { defaultSeed } from './data/seed'
import { createState } from './data/state'
import { createFaults } from './faults'
import { createSigner } from './jwt'
import { createLog } from './log'
import { createOAuth } from './oauth'
import { isMockRoute } from './routes/match'
import { createPortal } from './routes/portal'
import { createTokens } from './tokens'
import type { MockAccountApi, MockAccountApiOptions } from './api-types'
import type { MockServer } from './types'

/**
 * A faithful Kinde Account API for tests, examples and demos (ARCHITECTURE.md, "Mock"). Everything lives in
 * this closure, so two mocks never share data, keys, faults or logs.
 */
export function createMockAccountApi(options: MockAccountApiOptions = {}): MockAccountApi {
  const {
    baseUrl: initialBaseUrl = 'https://mock.kinde.local', seed = defaultSeed(), now = () => Date.now(),
    clientId = 'mock_client_id', omitMetadata = ['featureFlags'], log: sink, expiresIn = 3600,
  } = options
  let baseUrl = initialBaseUrl.replace(/\/+$/, '')
  let server: MockServer | undefined

  const state = createState(seed, now)
  const signer = createSigner()
  const tokens = createTokens({ state, signer, now, iss: () => baseUrl, clientId })
  const faults = createFaults()
  const log = createLog(sink)
  const oauth = createOAuth({ state, tokens, signer, now, iss: () => baseUrl, expiresIn })
  const handle = createApp({
    state, tokens, faults, log, signer, now, portal: createPortal(), omitMetadata: new Set(omitMetadata), oauth,
  })

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    // A bare path ('/account_api/v1/roles') means this API, wherever the code runs.
    const request = new Request(typeof input === 'string' && input.startsWith('/') ? `${baseUrl}${input}` : input, init)
    return handle(request, init?.signal ?? request.signal ?? undefined)
  }

  return {
    fetch: fetch as typeof globalThis.fetch,
    get baseUrl() { return baseUrl },
    get requests() { return log.requests },
    clearRequests: log.clear,
    handle,

    async listen(opts = {}) {
      if (server) throw new Error('kinde-account-sync/mock: already listening; close() first')
      const { startServer } = await import('./server')
      const started = await startServer((request, signal) => handle(request, signal), opts)
      server = started
      baseUrl = started.url
      return {
        url: started.url,
        close: async () => {
          await started.close()
          if (server === started) { server = undefined; baseUrl = initialBaseUrl.replace(/\/+$/, '') }
        },
      }
    },

    issueToken: tokens.issue,
    setExpiresIn: oauth.setExpiresIn,
    revokeToken: tokens.revoke,
    jwks: () => signer.jwks(),
    userIds: state.userIds,
    orgCodes: state.orgCodes,
    orgs: () => structuredClone(state.data.orgs),
    user: (userId) => structuredClone(state.user(userId)),

    setFlag: state.setFlag, removeFlag: state.removeFlag,
    grantPermission: state.grantPermission, revokePermission: state.revokePermission,
    setRoles: state.setRoles, setProperty: state.setProperty, removeProperty: state.removeProperty,
    setEntitlements: state.setEntitlements, setPlans: state.setPlans, setProfile: state.setProfile,

    fault(route, fault, faultOptions) {
      if (route !== '*' && !isMockRoute(route)) throw new Error(`kinde-account-sync/mock: unknown route "${String(route)}"`)
      return faults.add(route, fault, faultOptions)
    },
    clearFault: faults.clear,
    clearFaults: faults.clearAll,
  }
}
