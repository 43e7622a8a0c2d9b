import { expectTypeOf, test } from 'vitest'
import type { KindeClient } from '@kinde-oss/kinde-auth-pkce-js'
import type { useKindeAuth } from '@kinde-oss/kinde-auth-react'
import { LocalStorage, MemoryStorage } from '@kinde/js-utils'
import { createAccountStore, type AccountStoreOptions, type ClaimsDrift } from 'kinde-account-sync'
import { fromKinde, type KindeBridge } from 'kinde-account-sync/kinde'

// The bridge's structural types against the SDKs' own published .d.ts files.
test('fromKinde takes the real SDK types and its result spreads into the store options', () => {
  expectTypeOf(fromKinde(new MemoryStorage())).toEqualTypeOf<KindeBridge>()
  expectTypeOf(fromKinde(new LocalStorage())).toEqualTypeOf<KindeBridge>()
  expectTypeOf<KindeClient>().toMatchTypeOf<Parameters<typeof fromKinde>[0]>()
  expectTypeOf<ReturnType<typeof useKindeAuth>>().toMatchTypeOf<Parameters<typeof fromKinde>[0]>()
  expectTypeOf<KindeBridge>().toMatchTypeOf<Partial<AccountStoreOptions>>()
  expectTypeOf<KindeBridge['token']>().returns.resolves.toEqualTypeOf<string | null | undefined>()
  expectTypeOf<NonNullable<KindeBridge['onDrift']>>().parameter(0).toEqualTypeOf<ClaimsDrift>()
  const store = createAccountStore({ ...fromKinde(new MemoryStorage()) })
  expectTypeOf(store.$drift.get()).toEqualTypeOf<ClaimsDrift | null>()
})

test('anything else is refused at compile time', () => {
  // @ts-expect-error a bare token getter is not an SDK (pass it as `token` directly)
  fromKinde({ getAccessToken: async () => 'x' })
  // @ts-expect-error no options other than the documented ones
  fromKinde(new MemoryStorage(), { refreshOnDrfit: true })
})
