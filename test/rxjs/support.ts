import { afterEach } from 'vitest'
import { createMockAccountApi } from 'kinde-account-sync/mock'
import { createAccountStore, type AccountStore } from 'kinde-account-sync'

const opened: AccountStore[] = []
afterEach(() => {
  opened.splice(0).forEach((s) => s.destroy())
})

/** A store on the in-process mock, signed in as alice; persistence and tabs off. */
export async function signedInStore(): Promise<AccountStore> {
  const api = createMockAccountApi()
  const store = createAccountStore({
    token: await api.issueToken('kp_alice'), fetch: api.fetch, persist: false, crossTab: false, refreshInterval: false,
  })
  opened.push(store)
  return store
}

/** Resolves once `check` holds, polling real time (the mock answers in-process). */
export async function until(check: () => boolean, max = 5_000): Promise<void> {
  const t0 = Date.now()
  while (!check()) {
    if (Date.now() - t0 > max) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 5))
  }
}
