import { expectTypeOf, test } from 'vitest'
import {
  createAccountClient, type AccountApiError, type EntitlementData, type FeatureFlagsData, type Page, type RolesData,
  type TokenIntrospection, type UserProfile,
} from 'kinde-account-sync'

const client = createAccountClient({ token: () => Promise.resolve(null) })

test('operations resolve with the camelCase models', () => {
  expectTypeOf(client.getUserProfile()).resolves.toEqualTypeOf<UserProfile>()
  expectTypeOf(client.getFeatureFlags()).resolves.toEqualTypeOf<FeatureFlagsData>()
  expectTypeOf(client.getEntitlement('seats')).resolves.toEqualTypeOf<EntitlementData>()
  expectTypeOf(client.introspect()).resolves.toEqualTypeOf<TokenIntrospection>()
  expectTypeOf(client.revoke({ clientId: 'c' })).resolves.toEqualTypeOf<void>()
})

test('getPage is typed by resource name', () => {
  expectTypeOf(client.getPage('roles')).resolves.toEqualTypeOf<Page<RolesData>>()
  // @ts-expect-error profile is not a list
  void client.getPage('profile')
})

test('revoke needs a client id; errors carry a kind', () => {
  // @ts-expect-error clientId is required
  void client.revoke({})
  expectTypeOf<AccountApiError['kind']>().toEqualTypeOf<
    'network' | 'timeout' | 'aborted' | 'unauthorized' | 'rate_limited' | 'server' | 'http' | 'invalid_response' | 'config'
  >()
})
