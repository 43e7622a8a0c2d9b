import { useEffect, useState } from 'react'
import { useSession } from 'kinde-account-sync/react'
import { intervalFromUrl } from '../../shared/demo'
import { secondsLeft } from '../../shared/format'
import { DevtoolsToggle } from './DevtoolsToggle'

const every = `every ${intervalFromUrl() / 1000} s`

/** Whole seconds left of the 429 cool-down, ticking while there is one. */
function useCountdown(until: number | null): number {
  const [, setNow] = useState(Date.now)
  useEffect(() => {
    if (!until) return
    const tick = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(tick)
  }, [until])
  // Read the clock itself, so that a new cool-down never shows a second too many.
  return secondsLeft(until, Date.now())
}

export function SessionBar() {
  const session = useSession()
  const countdown = useCountdown(session.rateLimitedUntil)
  return (
    <header className="topbar">
      <div className="brand"><span className="logo">K</span> kinde-account-sync <span className="tag">React</span></div>
      <div className="session" data-testid="session" data-status={session.status}>
        {session.status === 'signed-in' && (
          <>
            <span className="chip" data-testid="session-org">{session.orgCode ?? 'no org'}</span>
            <span className={`chip ${session.leader ? 'on' : ''}`} data-testid="session-leader" data-leader={String(session.leader)}>
              {session.leader ? 'leader tab' : 'follower tab'}
            </span>
            <span className="chip" data-testid="session-persisted" data-persisted={String(session.persisted)}>
              {session.persisted ? 'saved offline' : 'memory only'}
            </span>
          </>
        )}
        <span className={`chip ${session.online ? 'on' : 'off'}`} data-testid="session-online" data-online={String(session.online)}>
          {session.online ? 'online' : 'offline'}
        </span>
        <span className="chip">{every}</span>
        <DevtoolsToggle />
        {countdown > 0 && (
          <span className="chip warn" data-testid="rate-limit">
            rate limited · retry in <b data-testid="rate-limit-countdown">{countdown}</b> s
          </span>
        )}
      </div>
    </header>
  )
}
