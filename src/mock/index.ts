/**
 * A faithful Kinde Account API for tests, examples and demos: in-process as a `fetch` function or
 * as a Node HTTP server, with RS256 tokens, mutations, fault injection and a request log.
 *
 * @example
 * ```ts
 * import { createMockAccountApi } from 'kinde-account-sync/mock'
 *
 * const api = createMockAccountApi()
 * const token = await api.issueToken('kp_alice')
 * const store = createAccountStore({ token, fetch: api.fetch, persist: false })
 * ```
 *
 * @module kinde-account-sync/mock
 */
export { createMockAccountApi } from './api'
export type { MockAccountApi, MockAccountApiOptions, MockListRoute } from './api-types'
export { defaultSeed } from './data/seed'
export type {
  IssueTokenOptions, ListenOptions, MockEntitlement, MockFault, MockFaultOptions, MockFeatureFlag, MockFlagType,
  MockFlagValue, MockMembership, MockOrg, MockPermission, MockPlan, MockProfile, MockProperty, MockRequest, MockRole,
  MockRoute, MockExtraRoute, MockSeed, MockServer, MockUser, OrgScope,
} from './types'
