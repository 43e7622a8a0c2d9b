import { createCooldownGate } from '../schedule/cooldown'
import { createActions } from './actions'
import { createDerivedValues } from './derived'
import { linkDrift } from './drift-link'
import { createGateway } from './gateway'
import { createHost } from './host'
import { createInspection } from './inspect'
import { toObservable } from './observable'
import { resolveOptions, type StoreInternals } from './options'
import { linkPersistence, resolvePersister } from './persistence'
import type { Pipeline } from './resource/pipeline'
import { createResources } from './resources'
import { createSession } from './session'
import { watchSignals } from './signals'
import { createSwitchSteps, type TabSlot } from './switch'
import type { AccountStore, AccountStoreOptions } from './types'

export type * from './types'
export type { ClaimsDrift } from './drift'

/** Wires the parts of a store together (ARCHITECTURE.md, "Flow"); no decision is made here. */
function wire(options: AccountStoreOptions, internals: StoreInternals = {}): AccountStore {
  const config = resolveOptions(options, internals)
  const session = createSession(config)
  const gate = createCooldownGate({ now: config.now, onChange: (until) => session.patch({ rateLimitedUntil: until }) })
  const tabs: TabSlot = { current: null, leaving: new Set() }
  let destroyed = false
  const gateway = createGateway({ session, gate, config, cooledDown: (until) => tabs.current?.postCooldown(until), destroyed: () => destroyed })
  const disk = linkPersistence(resolvePersister(config.persist, config.now), session)

  const host = createHost({ config, session, gateway, tabs, disk, destroyed: () => destroyed })
  const resources = createResources(host, config.resources, (p: Pipeline<unknown>) => {
    if (!session.signedIn()) return
    if (p.get().status === 'idle') p.reset(true)
    disk.load(p)
    p.revalidate(config.revalidateAge)
  })
  const stopSignals = watchSignals(config, session, resources, tabs)
  const inspection = createInspection({ online: config.online, entries: () => entries(), disk, session, keys: () => resources.all().map((p) => p.key) })
  const { entries, ...derived } = createDerivedValues(resources.named, session.$claims, () => inspection.changed())
  const drift = linkDrift({ session, resources, synced: config.resources, onDrift: options.onDrift, reread: () => store.refresh() })
  const actions = createActions({
    gateway,
    signedIn: session.signedIn,
    signingOut: () => ({ token: session.token() }),
    signOutLocally() {
      const identity = session.identity()
      tabs.current?.postSignOut(session.tokenId())
      session.signOut()
      return disk.forget(identity) // every org of this user, queued writes included
    },
    clear: async () => { await disk.persister?.clear() },
  })

  const store: AccountStore = {
    ...resources.named,
    entitlement: (key) => resources.entitlement(key),
    resource: (name) => resources.named[name] as never,
    ...derived,
    $session: session.$session,
    session$: toObservable(session.$session),
    $drift: drift.$drift,
    drift$: drift.drift$,
    setToken: (token) => { if (!destroyed) session.set(token) },
    async refresh() {
      await session.read() // re-read a function source first, even while requests are in flight
      await Promise.all(resources.active().map((p) => p.refresh()))
    },
    ...actions,
    inspect: () => inspection.api,
    destroy() {
      if (destroyed) return
      destroyed = true
      void disk.persister?.flush() // land queued writes now rather than from a timer after destroy
      session.destroy()
      for (const p of resources.all()) p.destroy()
      gate.destroy()
      for (const link of [tabs.current, ...tabs.leaving]) link?.close()
      tabs.current = null
      stopSignals()
      drift.stop()
    },
  }
  const steps = createSwitchSteps({ config, session, resources, disk, slot: tabs, cooldown: (until) => gateway.extend(until), rateLimitedUntil: () => gate.until() })
  session.start(steps, () => { for (const p of resources.active()) p.refetch() })
  return store
}

/** A live, offline-first store of the signed-in user's Kinde account (ARCHITECTURE.md, "Flow"). */
export const createAccountStore: (options: AccountStoreOptions) => AccountStore = wire
