import type { Gateway } from './gateway'
import type { StoreConfig } from './options'
import type { linkPersistence } from './persistence'
import type { ResourceHost } from './resource/host'
import type { Session } from './session'
import type { TabSlot } from './switch'
import { failureOf } from './tabs'

/**
 * The pipelines' view of the store: where polling may happen (this tab or the leader), whom a
 * follower asks, and where fresh data goes (disk, `persisted`, the other tabs).
 */
export function createHost(deps: {
  config: StoreConfig
  session: Session
  gateway: Gateway
  tabs: TabSlot
  disk: ReturnType<typeof linkPersistence>
  destroyed: () => boolean
}): ResourceHost {
  const { config, session, gateway, tabs, disk } = deps
  return {
    config, session, gateway,
    // A hidden leader keeps polling while a follower is visible: followers never poll themselves.
    canPoll: () => (config.visibility.get() || !!tabs.current?.othersVisible) && config.online.get() &&
      (tabs.current?.leader ?? true) && !session.paused(),
    askLeader: (key, wait) => (tabs.current && !tabs.current.leader ? tabs.current.requestRefresh(key, wait) : null),
    delivered(key, entry) {
      disk.save(key, entry)
      session.patch({ persisted: disk.persisted() })
      // the engine's verdict on this write comes with its batch (a blocked open gives up after 1 s)
      void disk.persister?.written().then(() => { if (!deps.destroyed()) session.patch({ persisted: disk.persisted() }) })
      tabs.current?.postState(key, entry)
    },
    // The tab whose request failed tells the others, leader or not: a 429 can land after its
    // tab lost the lead (it hung, and another took over), and every tab must still show it. A
    // follower's 401 is not one of them: it refused that tab's token, not the others'.
    failed(key, error) {
      const sync = tabs.current
      if (sync && (sync.leader || error.kind !== 'unauthorized')) sync.postFailure?.(key, failureOf(error))
    },
  }
}
