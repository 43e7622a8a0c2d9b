import { isSyncedResource, toEntry } from '../persist/key'
import type { PersistedEntry } from '../persist/types'
import { createAsker } from './ask'
import { electLeader } from './leader'
import { createLiveness, type Liveness } from './liveness'
import { sameIdentity } from '../token/identity'
import { isFiniteNumber, isTabFailure, isTabMessage, randomId, scopeName } from './messages'
import { createPresence } from './presence'
import { snapshotFor, unpackSnapshot } from './snapshot'
import type { TabMessage, TabSync, TabSyncOptions } from './types'

const defaultChannel = (): ((name: string) => BroadcastChannel) | undefined =>
  typeof BroadcastChannel === 'function' ? (name) => new BroadcastChannel(name) : undefined

const defaultLocks = (): LockManager | null =>
  (globalThis.navigator as { locks?: LockManager } | undefined)?.locks ?? null

/**
 * Cross-tab sync for one (origin, domain, identity): a leader elected on a Web Lock, and a
 * BroadcastChannel for states, refresh requests, cool-downs and sign-out. Returns null where
 * BroadcastChannel is missing (tabs are then independent). Only entries ({ data, updatedAt }) and
 * the identity ever go out: the module never sees a token.
 */
export function createTabSync(options: TabSyncOptions): TabSync | null {
  const { domain, identity, onLeaderChange, onMessage, onRefreshRequest, onSnapshotRequest } = options
  const createChannel = options.createChannel ?? defaultChannel()
  if (!createChannel) return null
  const scope = scopeName(domain, identity)
  let channel: BroadcastChannel
  try { channel = createChannel(scope) } catch { return null }

  const self = randomId()
  let closed = false
  const post = (message: TabMessage) => {
    if (closed) return
    try { channel.postMessage(message) } catch { /* closed underneath us, or uncloneable: drop it */ }
  }
  const deliver = (message: TabMessage) => {
    try { onMessage(message) } catch { /* a throwing subscriber must not break the channel */ }
  }
  // before the election: a lock refused at once makes us leader inside electLeader, which settles these
  const { ask, ...asker } = createAsker(post, () => !closed && !election.leader)
  const presence = createPresence(identity, self, post, (visible) => {
    try { options.onPresenceChange?.(visible) } catch { /* see deliver */ }
  })

  const locks = options.locks === undefined ? defaultLocks() : options.locks
  let liveness: Liveness | undefined // set just below; a lock can be granted only after this call returns
  const election = electLeader(locks, `${scope}|leader`, (leader) => {
    if (closed) return
    if (leader) {
      asker.settleAll() // we lead now: nobody else will answer, and we poll ourselves
      presence.rollCall()
      liveness?.leading()
    } else {
      liveness?.following()
    }
    try { onLeaderChange(leader) } catch { /* see deliver */ }
  })
  // Without Web Locks every tab leads: there is nobody to watch and nothing to take over.
  liveness = locks ? createLiveness({
    ...options.liveness,
    now: options.now ?? (() => Date.now()),
    every: options.every ?? ((ms, fn) => { const id = setInterval(fn, ms); return () => clearInterval(id) }),
    isLeader: () => election.leader,
    visible: () => presence.visible,
    beat: () => post({ type: 'beat', identity, from: self }),
    takeOver: () => election.takeOver(),
    stepDown: () => election.stepDown(),
  }) : undefined
  const leads = () => election.leader && (liveness?.sure ?? true)

  async function answerRefresh(resource: string, id: string) {
    let entry: PersistedEntry | null = null
    let unknown = false
    try {
      const answer = await onRefreshRequest(resource)
      unknown = answer === undefined
      entry = toEntry(answer) ?? null
    } catch { entry = null }
    post({ type: 'refreshed', identity, resource, id, entry, ...(unknown ? { unknown } : {}) })
  }

  channel.onmessage = (event: MessageEvent) => {
    const message: unknown = event.data
    // isTabMessage guarantees an orgCode of string or null, as identityOf gives ours
    if (closed || !isTabMessage(message) || !sameIdentity(message.identity, identity)) return
    if (presence.handle(message)) return
    switch (message.type) {
      case 'beat':
        if (message.from !== self) liveness?.heard()
        return
      case 'state': case 'failed': case 'cooldown': case 'signout':
        return deliver(message)
      case 'hello':
        if (leads()) post(snapshotFor(options, identity, message.from))
        return
      case 'refresh':
        if (leads()) void answerRefresh(message.resource, message.id)
        return
      case 'snapshot': case 'refreshed':
        asker.answered(message)
    }
  }

  return {
    get leader() { return leads() },
    postState(resource, entry) {
      const clean = toEntry(entry)
      if (clean && isSyncedResource(resource)) post({ type: 'state', identity, resource, entry: clean })
    },
    postCooldown(until) { if (isFiniteNumber(until)) post({ type: 'cooldown', identity, until }) },
    postFailure(resource, failure) {
      if (isSyncedResource(resource) && isTabFailure(failure)) post({ type: 'failed', identity, resource, failure })
    },
    postSignOut(jti) { post(jti ? { type: 'signout', identity, jti } : { type: 'signout', identity }) },
    setVisible: (visible) => presence.setVisible(visible),
    get othersVisible() { return presence.othersVisible },
    requestRefresh(resource, timeoutMs = 2000) {
      const id = randomId()
      const unknown = 'unknown' as const // `accept` answers undefined for "not my answer": a marker instead
      return ask<PersistedEntry | null | typeof unknown | undefined>(
        { type: 'refresh', identity, resource, from: self, id },
        (m) => (m.type !== 'refreshed' || m.id !== id ? undefined : m.unknown ? unknown : m.entry), undefined, timeoutMs)
        // the leader does not sync that key: undefined sends the asker to fetch it itself
        .then((answer) => (answer === unknown ? undefined : answer))
    },
    requestSnapshot(timeoutMs = 2000) {
      return ask<boolean>({ type: 'hello', identity, from: self }, (m) => {
        if (m.type !== 'snapshot' || m.to !== self) return undefined
        for (const message of unpackSnapshot(m)) deliver(message)
        return true
      }, false, timeoutMs)
    },
    close() {
      if (closed) return
      asker.settleAll()
      presence.goodbye()
      closed = true
      liveness?.stop()
      election.close()
      channel.onmessage = null
      try { channel.close() } catch { /* already closed */ }
    },
  }
}
