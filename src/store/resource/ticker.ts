import { createIntervalTimer, type IntervalTimer } from '../../schedule/timer'
import type { ResourceState } from '../types'
import type { ResourceHost } from './host'
import type { ResourceAction } from './state'

/** One resource's interval: age the data, then poll, or (a follower, a paused store) re-read the token. */
export function createTicker<T>(
  host: ResourceHost, state: () => ResourceState<T>, dispatch: (action: ResourceAction<T>) => void,
  active: () => boolean, run: () => void,
): IntervalTimer {
  const { config } = host
  return createIntervalTimer(() => {
    const { updatedAt } = state()
    if (config.refreshInterval !== false && updatedAt !== undefined) {
      dispatch({ type: 'age', stale: config.now() - updatedAt >= config.refreshInterval })
    }
    if (active() && host.canPoll()) run()
    // A follower or a paused store sends nothing, but the tick still re-reads a function source,
    // so a token the SDK refreshed on its own is picked up (ARCHITECTURE.md, "Tokens").
    else if (active()) void host.session.read()
  })
}
