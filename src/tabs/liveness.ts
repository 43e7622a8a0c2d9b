/**
 * Leader liveness (ARCHITECTURE.md, rule 17). A Web Lock outlives a tab that stops running: the
 * browser freezes background tabs (memory saver) and a busy page never yields, yet both keep
 * their lock, and the followers wait for a leader that never polls again. So the leader beats on
 * the channel, and a visible follower that hears no beat for a lease takes the lock over
 * (`steal`). A leader that notices it did not run for a lease (it was frozen, or hung) is unsure
 * whether it still leads: it sends nothing until a beat of another leader or the stolen lock
 * tells it to step down, or one beat passes without either and it carries on.
 */
export interface LivenessTimes {
  /** How often the leader beats. @default 1000 */
  beatMs?: number
  /** Silence after which a visible follower takes over. @default 2500 (with the jitter and a tick: within 3.5 s) */
  leaseMs?: number
}

export interface LivenessOptions extends LivenessTimes {
  now: () => number
  /** Calls `fn` every `ms` until the returned stop is called. */
  every(ms: number, fn: () => void): () => void
  isLeader(): boolean
  /** Whether this tab's page is visible: only a visible follower takes over. */
  visible(): boolean
  beat(): void
  takeOver(): void
  stepDown(): void
  random?: () => number
}

export interface Liveness {
  /** False while this leader is unsure it still leads (it did not run for a while). */
  readonly sure: boolean
  /** A beat from another tab's leader. */
  heard(): void
  /** This tab became leader: beat at once, so that followers know it runs. */
  leading(): void
  /** This tab stopped leading: the new leader gets a full lease before we judge it. */
  following(): void
  stop(): void
}

export function createLiveness(options: LivenessOptions): Liveness {
  const { now, isLeader, visible } = options
  const beatMs = options.beatMs ?? 1000
  const leaseMs = options.leaseMs ?? 2500
  const tickMs = Math.max(1, Math.floor(beatMs / 2))
  // Two visible followers (two windows) should not both take over in the same tick.
  const jitter = () => (options.random ?? Math.random)() * tickMs
  let lastTick = now()
  let lastBeatHeard = now()
  let lastSent = -Infinity
  let patience = leaseMs + jitter()
  let unsureUntil = -Infinity

  const beat = (t: number) => { lastSent = t; options.beat() }

  const stop = options.every(tickMs, () => {
    const t = now()
    const gap = t - lastTick
    lastTick = t
    if (isLeader()) {
      if (gap > leaseMs) { // we were frozen or hung
        unsureUntil = t + beatMs + tickMs
        lastBeatHeard = t // and should we follow now, the beats we missed meanwhile are gone
        return
      }
      if (t < unsureUntil) return
      // a little early rather than late: a hidden tab's timers run at most once a second
      if (t - lastSent >= beatMs * 0.75) beat(t)
    } else if (gap > leaseMs) {
      lastBeatHeard = t // we did not run either: give the leader a fresh lease before judging it
    } else if (visible() && t - lastBeatHeard > patience) {
      lastBeatHeard = t
      patience = leaseMs + jitter()
      options.takeOver()
    }
  })

  return {
    get sure() {
      const t = now()
      return t - lastTick <= leaseMs && t >= unsureUntil
    },
    heard() {
      lastBeatHeard = now()
      // another leader beats while we were away: it took over, we follow
      if (isLeader() && now() < unsureUntil) { unsureUntil = -Infinity; options.stepDown() }
    },
    following() {
      lastBeatHeard = now()
    },
    leading() {
      unsureUntil = -Infinity
      lastTick = now()
      beat(now())
    },
    stop,
  }
}
