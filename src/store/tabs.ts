import { AccountApiError, type AccountApiErrorKind } from '../client/errors'
import type { PersistedEntry } from '../persist/types'
import { MAX_COOLDOWN } from '../schedule/backoff'
import { createTabSync } from '../tabs'
import type { TabFailure, TabMessage, TabSync } from '../tabs/types'
import type { Identity } from '../token/types'
import type { Pipeline } from './resource/pipeline'
import { answeredByApi } from './resource/state'

/** What the tab link needs from the store. */
export interface TabHost {
  epoch(): number
  /** The pipeline for a persist/tab key, created on demand for `entitlement:<key>`; undefined if unknown. */
  find(key: string): Pipeline<unknown> | undefined
  /** The pipelines that sync now. */
  active(): Pipeline<unknown>[]
  all(): Pipeline<unknown>[]
  /** Shows `session.leader`. */
  leaderChanged(leader: boolean): void
  cooldown(until: number): void
  /** The cool-down running in this tab (ms since epoch), or null. */
  rateLimitedUntil?(): number | null
  /** Another tab signed out; `jti` is the id of its token. */
  signedOutElsewhere(jti?: string): void
}

const KINDS: readonly string[] = ['network', 'timeout', 'unauthorized', 'rate_limited', 'server', 'http', 'invalid_response', 'config']

const entryOf = (p: Pipeline<unknown>): PersistedEntry | null => {
  const s = p.get()
  return s.data !== undefined && s.updatedAt !== undefined && answeredByApi(s)
    ? { data: s.data, updatedAt: s.updatedAt }
    : null
}

/** An error's fields for the channel: no message text, no cause. */
export const failureOf = (e: AccountApiError): TabFailure =>
  ({ kind: e.kind, status: e.status, code: e.code, retryAfterMs: e.retryAfterMs, method: e.method, path: e.path })
const errorOf = (f: TabFailure): AccountApiError | undefined => (KINDS.includes(f.kind)
  ? new AccountApiError({ kind: f.kind as AccountApiErrorKind, method: f.method, path: f.path, status: f.status, code: f.code, retryAfterMs: f.retryAfterMs })
  : undefined)
const failing = (p: Pipeline<unknown>): AccountApiError | undefined => {
  const { error } = p.get()
  return error && error.kind !== 'aborted' ? error : undefined
}

/**
 * Joins the tabs of this identity (ARCHITECTURE.md, "Tabs"). Null where BroadcastChannel is
 * missing. What other tabs say is validated here as well as on the channel (rule 17): a key this
 * tab does not know is never created for them, a cool-down is capped.
 */
export function linkTabs(domain: string, identity: Identity, store: TabHost, factory = createTabSync): TabSync | null {
  const epoch = store.epoch()
  const mine = (): boolean => epoch === store.epoch()
  // The link sees the store only while its identity is the store's: a link of an earlier identity
  // (one that still holds its lock a moment after a sign-out) finds no pipeline and no cool-down,
  // so nothing it answers on its channel can carry whoever is signed in now.
  const host: TabHost = {
    ...store,
    find: (key) => (mine() ? store.find(key) : undefined),
    active: () => (mine() ? store.active() : []),
    all: () => (mine() ? store.all() : []),
    rateLimitedUntil: () => (mine() ? store.rateLimitedUntil?.() ?? null : null),
  }
  // the six resources and the entitlements this tab has asked for; nothing else
  const known = (key: string) => host.all().find((p) => p.key === key)
  return factory({
    domain,
    identity,
    onLeaderChange(leader) {
      if (!mine()) return
      host.leaderChanged(leader)
      // a new leader fetches what it only knows from another tab or the cache
      if (leader) for (const p of host.active()) if (p.get().source !== 'network') void p.run()
    },
    onMessage(message: TabMessage) {
      if (!mine()) return
      if (message.type === 'state') known(message.resource)?.applyTab(message.entry)
      else if (message.type === 'failed') {
        const error = errorOf(message.failure)
        if (error) known(message.resource)?.applyTabError?.(error)
      } else if (message.type === 'cooldown') {
        // rule 15's cap on any wait: another tab's cool-down is not trusted beyond it either
        host.cooldown(Math.min(message.until, Date.now() + MAX_COOLDOWN))
      } else if (message.type === 'signout') host.signedOutElsewhere(message.jti)
    },
    async onRefreshRequest(resource) {
      const p = known(resource)
      if (!p || !mine()) return p ? null : undefined
      await p.run()
      return mine() && !p.get().error ? entryOf(p) : null
    },
    onSnapshotRequest() {
      const out: Array<[string, PersistedEntry]> = []
      for (const p of host.all()) {
        const entry = entryOf(p)
        if (entry) out.push([p.key, entry])
      }
      return out
    },
    onSnapshotExtras() {
      const failures: Array<[string, TabFailure]> = []
      for (const p of host.all()) {
        const error = failing(p)
        if (error) failures.push([p.key, failureOf(error)])
      }
      return { until: host.rateLimitedUntil?.() ?? null, failures }
    },
  })
}

/**
 * Sign-in: a lone tab or the leader fetches at once; a new follower asks the leader for its states
 * and fetches itself what the answer (or its absence within 2 s) leaves without fresh data. A
 * follower that learns of a cool-down in the answer fetches nothing: the leader resumes when it
 * ends and its states reach every tab (rule 17).
 */
export function startSync(tabs: TabSync | null, host: TabHost): void {
  if (!tabs || tabs.leader) {
    for (const p of host.active()) void p.run()
    return
  }
  const epoch = host.epoch()
  void tabs.requestSnapshot(2000).then((answered) => {
    if (epoch !== host.epoch()) return
    if (answered && (host.rateLimitedUntil?.() ?? null) !== null) return
    for (const p of host.active()) {
      if (!answered || !answeredByApi(p.get())) void p.run()
    }
  }, () => {})
}
