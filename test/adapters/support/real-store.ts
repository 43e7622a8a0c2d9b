// The real store against the mock's in-process API: no persistence, no tabs, no polling.
import { createAccountStore, type AccountStore } from 'kinde-account-sync'
import { createMockAccountApi } from 'kinde-account-sync/mock'

export async function createRealStore(): Promise<{ store: AccountStore; api: ReturnType<typeof createMockAccountApi> }> {
  const api = createMockAccountApi()
  api.setFlag('kp_alice', 'adapters_beta', true)
  const token = await api.issueToken('kp_alice')
  const store = createAccountStore({ token, fetch: api.fetch, persist: false, crossTab: false, refreshInterval: false })
  return { store, api }
}
