import { detect } from './detect'
import { readPkce, readReact, readSessionManager } from './read'
import { forceRefresh, refreshAfterUnauthorized } from './refresh'
import type { FromKindeOptions, KindeBridge, KindeSdk } from './types'

/** A bridge that never rejects: a failing SDK call is reported and the store carries on. */
const quietly = (run: () => Promise<void>) => async (): Promise<void> => {
  try {
    await run()
  } catch (error) {
    if (typeof globalThis.reportError === 'function') globalThis.reportError(error)
    else console.error(error)
  }
}

/**
 * Store options for one of Kinde's SDKs: `createAccountStore({ ...fromKinde(sdk) })`. Takes a
 * js-utils session manager, a kinde-auth-pkce-js client or `useKindeAuth()`'s value, recognised
 * by shape, and reads each the way that SDK means it (ARCHITECTURE.md, "Kinde bridges").
 */
export function fromKinde(sdk: KindeSdk, options: FromKindeOptions = {}): KindeBridge {
  const detected = detect(sdk)
  const token = (): Promise<string | null | undefined> => {
    switch (detected.kind) {
      case 'session': return readSessionManager(detected.sdk)
      case 'pkce': return readPkce(detected.sdk)
      case 'react': return readReact(detected.sdk)
    }
  }
  // a session manager says when its items change: the store reads the token then, not at the next trigger
  const manager = detected.kind === 'session' ? detected.sdk : null
  const bridge: KindeBridge = {
    token: manager ? Object.assign(token, { subscribe: (listener: () => void) => manager.subscribe(listener) }) : token,
    onUnauthorized: quietly(() => refreshAfterUnauthorized(detected, options)) }
  if (options.refreshOnDrift) {
    const refresh = quietly(() => forceRefresh(detected, options))
    bridge.onDrift = () => refresh()
  }
  return bridge
}
