import type { PersistedEntry } from '../persist/types'
import { createTabSync } from '../tabs'
import type { TabMessage, TabSync } from '../tabs/types'
import type { Identity } from '../token/types'
import type { Pipeline } from './resource/pipeline'

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
  signedOutElsewhere(): void
}

const entryOf = (p: Pipeline<unknown>): PersistedEntry | null => {
  const s = p.get()
  return s.data !== undefined && s.updatedAt !== undefined && (s.source === 'network' || s.source === 'tab')
    ? { data: s.data, updatedAt: s.updatedAt }
    : null
}

/** Joins the tabs of this identity (DESIGN.md §7). Null where BroadcastChannel is missing. */
export function linkTabs(domain: string, identity: Identity, host: TabHost, factory = createTabSync): TabSync | null {
  const epoch = host.epoch()
  const mine = (): boolean => epoch === host.epoch()
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
      if (message.type === 'state') host.find(message.resource)?.applyTab(message.entry)
      else if (message.type === 'cooldown') host.cooldown(message.until)
      else if (message.type === 'signout') host.signedOutElsewhere()
    },
    async onRefreshRequest(resource) {
      const p = host.find(resource)
      if (!p || !mine()) return null
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
  })
}

/**
 * Sign-in: a lone tab or the leader fetches at once; a new follower asks the leader for its states
 * and fetches itself what the answer (or its absence within 2 s) leaves without fresh data.
 */
export function startSync(tabs: TabSync | null, host: TabHost): void {
  if (!tabs || tabs.leader) {
    for (const p of host.active()) void p.run()
    return
  }
  const epoch = host.epoch()
  void tabs.requestSnapshot(2000).then((answered) => {
    if (epoch !== host.epoch()) return
    for (const p of host.active()) {
      const { source } = p.get()
      if (!answered || (source !== 'tab' && source !== 'network')) void p.run()
    }
  }, () => {})
}
