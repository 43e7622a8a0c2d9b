import type { Identity } from '../token/types'
import type { TabMessage } from './types'

/**
 * Which other tabs of this identity are visible. Hidden tabs do not poll (ARCHITECTURE.md, rule 9), and
 * only the leader polls: without this, a leader in a background tab and a follower in front would
 * leave nobody polling. A tab that vanishes without saying goodbye stays "visible" here, which
 * errs towards polling too much rather than not at all.
 */
export function createPresence(
  identity: Identity,
  self: string,
  post: (message: TabMessage) => void,
  onChange: (othersVisible: boolean) => void,
) {
  const others = new Map<string, boolean>()
  let visible: boolean | undefined
  let last = false

  const othersVisible = () => [...others.values()].some(Boolean)
  const announce = () => { if (visible !== undefined) post({ type: 'presence', identity, from: self, visible }) }
  const changed = () => {
    const now = othersVisible()
    if (now !== last) { last = now; onChange(now) }
  }

  return {
    get othersVisible() { return othersVisible() },
    /** This tab's own visibility, as last set (false until it is). */
    get visible() { return visible === true },
    setVisible(value: boolean) {
      if (value === visible) return
      visible = value
      announce()
    },
    /** Handles 'presence' and 'rollcall' messages; false for anything else. */
    handle(message: TabMessage): boolean {
      if (message.type === 'rollcall') { announce(); return true }
      if (message.type !== 'presence' || message.from === self) return message.type === 'presence'
      if (message.visible) others.set(message.from, true)
      else others.delete(message.from)
      changed()
      return true
    },
    /** A new leader cannot know who announced before it joined: ask everyone again. */
    rollCall() { post({ type: 'rollcall', identity, from: self }) },
    /** On close: we are no longer anyone's reason to poll. */
    goodbye() { if (visible) post({ type: 'presence', identity, from: self, visible: false }) },
  }
}
