// Minimal app: the six resources synced with interval refresh and IndexedDB persistence (both on by
// default), rendered on every change. Bundled by bench/lib/size.ts; never run.
import { createAccountStore } from 'kinde-account-sync'

declare const kinde: { getToken(): Promise<string | null> }
declare function render(name: string, value: unknown): void

const store = createAccountStore({ token: () => kinde.getToken(), refreshInterval: 60_000 })
for (const name of ['profile', 'permissions', 'roles', 'featureFlags', 'properties', 'entitlements'] as const) {
  store[name].$state.subscribe((state) => render(name, state))
}
