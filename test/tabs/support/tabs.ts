import { vi } from 'vitest'
import { createTabSync } from '../../../src/tabs'
import type { PersistedEntry } from '../../../src/persist'
import type { TabMessage, TabSync, TabSyncOptions } from '../../../src/tabs'
import type { Identity } from '../../../src/token/types'

export const alice: Identity = { iss: 'https://acme.kinde.com', sub: 'kp_alice', orgCode: 'org_1' }
export const bob: Identity = { iss: 'https://acme.kinde.com', sub: 'kp_bob', orgCode: 'org_1' }
export const DOMAIN = 'https://acme.kinde.com'

export interface Tab {
  sync: TabSync
  received: TabMessage[]
  leaderChanges: boolean[]
  onRefreshRequest: ReturnType<typeof vi.fn<(resource: string) => Promise<PersistedEntry | null | undefined>>>
  snapshot: Array<[string, PersistedEntry]>
  presence: boolean[]
}

const opened: TabSync[] = []

/** One tab's TabSync with recording callbacks. Every channel it opens is recorded in `wire`, if given. */
export function openTab(options: Partial<TabSyncOptions> & { wire?: unknown[] } = {}): Tab {
  const { wire, ...rest } = options
  const tab = { received: [], leaderChanges: [], snapshot: [], presence: [] } as unknown as Tab
  tab.onRefreshRequest = vi.fn(async (resource: string) => ({ data: `fresh ${resource}`, updatedAt: 1 }))
  const sync = createTabSync({
    domain: DOMAIN,
    identity: alice,
    locks: null,
    createChannel: wire ? (name) => recording(name, wire) : undefined,
    onLeaderChange: (leader) => tab.leaderChanges.push(leader),
    onMessage: (message) => tab.received.push(message),
    onRefreshRequest: (resource) => tab.onRefreshRequest(resource),
    onSnapshotRequest: () => tab.snapshot,
    onPresenceChange: (visible) => tab.presence.push(visible),
    ...rest,
  })
  if (!sync) throw new Error('expected a TabSync')
  tab.sync = sync
  opened.push(sync)
  return tab
}

export function closeAll() {
  for (const sync of opened.splice(0)) sync.close()
}

/** A real (Node) BroadcastChannel whose outgoing messages are also copied to `wire`. */
function recording(name: string, wire: unknown[]): BroadcastChannel {
  const channel = new BroadcastChannel(name)
  const post = channel.postMessage.bind(channel)
  channel.postMessage = (message: unknown) => { wire.push(message); post(message) }
  return channel
}
