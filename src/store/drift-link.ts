import { identityKey } from '../token'
import { createDrift, type ClaimsDrift, type Compared } from './drift'
import type { Resources } from './resources'
import type { Session } from './session'
import { answeredByApi } from './resource/state'

interface DriftLinkOptions {
  session: Session
  resources: Resources
  /** The eagerly synced resources: only those are compared (listening to another would make it sync, rule 11). */
  synced: readonly string[]
  onDrift: ((drift: ClaimsDrift) => void | Promise<void>) | undefined
  /** After `onDrift` (which may have refreshed the SDK's token): read the token source again. */
  reread: () => Promise<void>
}

/** Feeds the store's claims and API answers into `$drift` (ARCHITECTURE.md, "Kinde bridges"). */
export function linkDrift({ session, resources, synced, onDrift, reread }: DriftLinkOptions) {
  const drift = createDrift({
    resources: synced,
    onDrift: onDrift && (async (d) => {
      await onDrift(d)
      await reread()
    }),
  })
  const { compared } = drift
  // Data shown from disk is not the API's answer for this session: only network or tab data counts.
  const fromApi = (name: Compared) => {
    const state = resources.named[name].get()
    return answeredByApi(state) ? state.data : undefined
  }
  const update = (): void => {
    const who = session.identity()
    drift.update({
      identity: who && session.isJwt() ? identityKey(who) : null,
      claims: session.$claims.get(),
      api: Object.fromEntries(compared.map((name) => [name, fromApi(name)])),
    })
  }
  const stops = [session.$claims.listen(update), ...compared.map((name) => resources.named[name].$state.listen(update))]
  return { $drift: drift.$drift, drift$: drift.drift$, stop: () => { for (const stop of stops) stop() } }
}
