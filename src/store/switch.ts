import type { Identity } from '../models'
import type { TabSync } from '../tabs/types'
import type { StoreConfig } from './options'
import type { linkPersistence } from './persistence'
import type { Resources } from './resources'
import type { Session, SwitchSteps } from './session'
import { linkTabs, startSync, type TabHost } from './tabs'

/** The tab link of the current identity (null: alone, or not a JWT), and links still being let go. */
export interface TabSlot { current: TabSync | null; leaving: Set<TabSync> }

/**
 * After a sign-out the leader holds its lock this long before letting go, so the other tabs get the
 * sign-out message before one of them becomes leader and sends the signed-out token (rule 14).
 */
const SIGN_OUT_HOLD = 1000

/**
 * The switch steps the session runs in order (resources reset → persistence → tabs), and the
 * tab host the tab glue calls back into.
 */
export function createSwitchSteps(deps: {
  config: Pick<StoreConfig, 'domain' | 'crossTab' | 'visibility' | 'createTabSync'>
  session: Pick<Session, 'epoch' | 'signOut' | 'patch' | 'identity'>
  resources: Resources
  disk: ReturnType<typeof linkPersistence>
  slot: TabSlot
  cooldown(until: number): void
  rateLimitedUntil(): number | null
}): SwitchSteps {
  const { config, session, resources, disk, slot } = deps
  const host: TabHost = {
    epoch: session.epoch,
    find: (key) => resources.find(key),
    active: resources.active,
    all: resources.all,
    leaderChanged: (leader) => session.patch({ leader }),
    cooldown: deps.cooldown,
    rateLimitedUntil: deps.rateLimitedUntil,
    signedOutElsewhere(jti) {
      void disk.forget(session.identity()) // rule 14: this tab's queued writes of the user go too
      session.signOut(jti)
    },
  }
  return {
    resources(identity: Identity | null) {
      // Rule 2: reset (aborting in-flight requests) before anything of the new identity shows.
      for (const p of resources.all()) p.reset(identity !== null)
    },
    persistence(identity, previous, jwt) {
      void disk.switched(identity, previous, jwt)
      if (identity) for (const p of resources.active()) disk.load(p)
      return { persisted: disk.persisted() }
    },
    tabs(identity, jwt) {
      const old = slot.current
      slot.current = null
      if (old && identity) old.close()
      else if (old) {
        slot.leaving.add(old)
        setTimeout(() => { slot.leaving.delete(old); old.close() }, SIGN_OUT_HOLD)
      }
      if (!identity) return {}
      const home = config.domain ?? (jwt ? identity.iss : null)
      const factory = config.createTabSync ?? undefined
      if (config.crossTab && jwt && home) slot.current = linkTabs(home, identity, host, factory as never)
      slot.current?.setVisible?.(config.visibility.get())
      startSync(slot.current, host)
      return { leader: slot.current?.leader ?? true }
    },
  }
}
