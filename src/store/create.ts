import { atom } from 'nanostores'
import { createAccountClient } from '../client'
import type { AccountApiError } from '../client/errors'
import { RESOURCE_NAMES, type EntitlementData, type ResourceDataMap, type ResourceName } from '../client/models'
import type { AccountClient } from '../client/types'
import { cooldownDelay, type Random } from '../schedule/backoff'
import { createCooldownGate } from '../schedule/cooldown'
import { createOnlineSignal, createVisibilitySignal, hasBroadcastChannel, type EnvironmentSignal } from '../schedule/environment'
import type { TabSync } from '../tabs/types'
import { identityOf } from '../token'
import type { Identity } from '../token/types'
import { createActions } from './actions'
import type { PipelineContext } from './context'
import { createDerivedValues } from './derived'
import { entitlementFetcher, fetcherFor } from './fetchers'
import { toObservable } from './observable'
import { linkPersistence, resolvePersister } from './persistence'
import { createPipeline, type Pipeline, type PipelineOptions } from './resource'
import { createSession } from './session'
import { linkTabs, startSync, type TabHost } from './tabs'
import type { AccountStore, AccountStoreOptions, SessionState } from './types'

/** @internal Test seams: clock, seeded jitter, environment signals, tab factory. Not public API. */
export interface StoreInternals {
  now?: () => number
  random?: Random
  visibility?: EnvironmentSignal
  online?: EnvironmentSignal
  createTabSync?: Parameters<typeof linkTabs>[3]
}

/** Data seen within this window is not refetched on focus or reconnect (ARCHITECTURE.md, rule 9). */
const REVALIDATE_AGE = 30_000

export function createAccountStore(options: AccountStoreOptions, internals: StoreInternals = {}): AccountStore {
  const {
    resources = RESOURCE_NAMES, refreshInterval = 300_000, refetchOnFocus = true, refetchOnReconnect = true,
    retry = {}, crossTab = hasBroadcastChannel(), domain, fetch, timeout, pageSize,
  } = options
  const now = internals.now ?? (() => Date.now())
  const visibility = internals.visibility ?? createVisibilitySignal()
  const online = internals.online ?? createOnlineSignal()
  const signedOut = (): SessionState => ({
    status: 'signed-out', userId: null, orgCode: null, domain: null, online: online.get(), leader: true,
    rateLimitedUntil: null, persisted: false,
  })
  const $session = atom<SessionState>(signedOut())
  const patch = (fields: Partial<SessionState>): void => {
    const prev = $session.get()
    if ((Object.keys(fields) as (keyof SessionState)[]).some((k) => prev[k] !== fields[k])) $session.set({ ...prev, ...fields })
  }
  const gate = createCooldownGate({ now, onChange: (until) => patch({ rateLimitedUntil: until }) })
  let client: AccountClient | null = null
  let tabs: TabSync | null = null
  let consecutive429 = 0
  let destroyed = false

  const pipelines = {} as { [N in ResourceName]: Pipeline<ResourceDataMap[N]> }
  const entitlements = new Map<string, Pipeline<EntitlementData>>()
  const all = (): Pipeline<unknown>[] => [...Object.values(pipelines), ...entitlements.values()] as Pipeline<unknown>[]
  const activeOnes = () => all().filter((p) => p.active())

  const session = createSession({
    token: options.token, domain, now, onUnauthorized: options.onUnauthorized,
    events: {
      identityChanged: (identity) => switchTo(identity),
      tokenRefreshed: () => { for (const p of activeOnes()) void p.refresh() }, // rule 1
    },
  })

  const disk = linkPersistence(resolvePersister(options.persist, now), session)

  const ctx: PipelineContext = {
    epoch: session.epoch,
    signedIn: () => !destroyed && session.token() !== null,
    now,
    random: internals.random ?? Math.random,
    retry: { attempts: retry.attempts ?? 3, baseDelay: retry.baseDelay ?? 1000, maxDelay: retry.maxDelay ?? 60_000 },
    refreshInterval,
    gate,
    online,
    prepare: session.prepare,
    token: session.token,
    paused: session.paused,
    client: () => client!,
    // A hidden leader keeps polling while a follower is visible: followers never poll themselves.
    canPoll: () => (visibility.get() || !!tabs?.othersVisible) && online.get() && (tabs?.leader ?? true) && !session.paused(),
    askLeader: (key) => (tabs && !tabs.leader ? tabs.requestRefresh(key, 2000) : null),
    networkSuccess(key, entry) {
      consecutive429 = 0
      disk.save(key, entry)
      patch({ persisted: disk.persisted() })
      // the engine's verdict on this write comes later (a blocked open gives up after 1 s): show it then
      void disk.persister?.flush().then(() => { if (!destroyed) patch({ persisted: disk.persisted() }) }, () => {})
      tabs?.postState(key, entry)
    },
    rateLimited(error: AccountApiError) {
      // A wait already over (a Retry-After date or reset in the past: the client's clock is ahead)
      // is no usable answer: back off as without a header, so the 429 row's resumption happens.
      const asked = error.retryAfterMs !== null && error.retryAfterMs > 0 ? error.retryAfterMs : null
      const until = now() + cooldownDelay(asked, consecutive429++, ctx.retry, ctx.random)
      gate.extend(until)
      tabs?.postCooldown(until)
    },
    unauthorized: () => session.unauthorized(),
  }

  const pipeline = (key: string, source: Pick<PipelineOptions<any>, 'path' | 'fetch'>, eager: boolean): Pipeline<any> => {
    const p: Pipeline<any> = createPipeline(ctx, { key, ...source, eager, onActivate: () => activate(p) })
    return p
  }
  // Resources outside `resources` still exist on the store; they sync only while subscribed.
  for (const name of RESOURCE_NAMES) pipelines[name] = pipeline(name, fetcherFor(name), resources.includes(name))

  function activate(p: Pipeline<any>): void {
    if (!ctx.signedIn()) return
    if (p.get().status === 'idle') p.reset(true)
    disk.load(p)
    p.revalidate(REVALIDATE_AGE)
  }

  function switchTo(identity: Identity | null): void {
    // Rule 2: reset (aborting in-flight requests) before anything of the new identity shows.
    for (const p of all()) p.reset(identity !== null)
    tabs?.close()
    tabs = null
    client = null
    consecutive429 = 0
    if (!identity) return patch({ ...signedOut(), rateLimitedUntil: gate.until() })
    const jwt = session.isJwt()
    disk.switched(identity) // ARCHITECTURE.md, "Persistence": a user switch deletes the previous user's entries
    client = clientFor(() => session.token() ?? '')
    const home = domain ?? (jwt ? identity.iss : null)
    if (crossTab && jwt && home) tabs = linkTabs(home, identity, tabHost, internals.createTabSync)
    tabs?.setVisible?.(visibility.get())
    patch({
      status: 'signed-in', userId: jwt ? identity.sub : null, orgCode: identity.orgCode, domain: home,
      leader: tabs?.leader ?? true, persisted: disk.persisted(), rateLimitedUntil: gate.until(),
    })
    for (const p of activeOnes()) disk.load(p)
    startSync(tabs, tabHost)
  }

  const tabHost: TabHost = {
    epoch: session.epoch,
    find: (key: string) => (key.startsWith('entitlement:') ? store.entitlement(key.slice(12)) : (pipelines as any)[key]),
    active: activeOnes,
    all,
    leaderChanged: (leader: boolean) => patch({ leader }),
    cooldown: (until: number) => gate.extend(until),
    rateLimitedUntil: () => gate.until(),
    signedOutElsewhere: () => session.signOut(),
  }

  const stopVisibility = visibility.subscribe((visible) => {
    tabs?.setVisible?.(visible)
    if (visible && refetchOnFocus) for (const p of activeOnes()) p.revalidate(REVALIDATE_AGE)
  })
  const stopOnline = online.subscribe((isOnline) => {
    patch({ online: isOnline })
    // After a reconnect, fetches missed while offline always run; fresh-enough data only with the option.
    if (isOnline) for (const p of activeOnes()) p.revalidate(refetchOnReconnect ? REVALIDATE_AGE : Infinity)
  })

  // The last line of rule 5: a request (or the next page of one) that is about to leave while a
  // cool-down runs (a 429 of another resource landed meanwhile) waits for its end instead.
  const gatedFetch: typeof globalThis.fetch = (input, init) =>
    gate.whenOpen().then(() => destroyed
      ? Promise.reject(new DOMException('The store was destroyed', 'AbortError'))
      : (fetch ?? globalThis.fetch)(input, init))

  function clientFor(token: string | (() => string)): AccountClient {
    return createAccountClient({ token, domain, fetch: gatedFetch, timeout, pageSize })
  }

  const derived = createDerivedValues(pipelines, session.$claims)
  const actions = createActions({
    session, gate, client: () => client, clientFor, rateLimited: ctx.rateLimited, persister: disk.persister,
    signOutLocally() {
      tabs?.postSignOut()
      session.signOut()
    },
  })

  const store: AccountStore = {
    ...pipelines,
    entitlement(key) {
      let p = entitlements.get(key)
      if (!p) {
        p = pipeline(`entitlement:${key}`, entitlementFetcher(key), false) as Pipeline<EntitlementData>
        if (ctx.signedIn()) p.reset(true)
        entitlements.set(key, p)
      }
      return p
    },
    resource: (name) => pipelines[name] as any,
    ...derived,
    $session,
    session$: toObservable($session),
    setToken: (token) => { if (!destroyed) session.set(token) },
    async refresh() {
      await Promise.all(activeOnes().map((p) => p.refresh()))
    },
    ...actions,
    destroy() {
      if (destroyed) return
      destroyed = true
      void disk.persister?.flush() // land queued writes now rather than from a timer after destroy
      session.destroy()
      for (const p of all()) p.destroy()
      gate.destroy()
      tabs?.close()
      tabs = null
      stopVisibility()
      stopOnline()
    },
  }
  session.start()
  return store
}
