// kinde-account-sync/mock: a faithful Kinde Account API for tests, examples and demos.
export { createMockAccountApi } from './api'
export type { MockAccountApi, MockAccountApiOptions, MockListRoute } from './api-types'
export { defaultSeed } from './data/seed'
export type {
  IssueTokenOptions, ListenOptions, MockEntitlement, MockFault, MockFaultOptions, MockFeatureFlag, MockFlagType,
  MockFlagValue, MockMembership, MockOrg, MockPermission, MockPlan, MockProfile, MockProperty, MockRequest, MockRole,
  MockRoute, MockExtraRoute, MockSeed, MockServer, MockUser, OrgScope,
} from './types'
