import type { ReactNode } from 'react'
import type { ResourceDataMap, ResourceName } from 'kinde-account-sync'
import { useResource } from 'kinde-account-sync/react'
import { clock, errorText, statusAttrs } from '../../shared/format'

interface Props<N extends ResourceName> {
  name: N
  title: string
  /** Renders the data once there is some. */
  children: (data: ResourceDataMap[N]) => ReactNode
}

/** One resource: its live status row, then its data. */
export function ResourceCard<N extends ResourceName>({ name, title, children }: Props<N>) {
  const state = useResource(name)
  const { status, source, updatedAt, fetching, stale, error, data } = state
  return (
    <article className="card" data-testid={`card-${name}`}>
      <header>
        <h2>{title}</h2>
        <div className="status" data-testid={`status-${name}`} {...statusAttrs(state)}>
          <span className={`badge ${status}`}>{status}</span>
          {source && <span className="badge">from {source}</span>}
          <span className="badge" title="last network update">{clock(updatedAt)}</span>
          {fetching && <span className="badge fetching">fetching</span>}
          {stale && <span className="badge stale">stale</span>}
          {error && <span className="badge error" data-testid={`error-${name}`}>{errorText(error)}</span>}
        </div>
      </header>
      {data !== undefined ? children(data) : <p className="empty">{status === 'error' ? 'Could not load.' : 'Loading…'}</p>}
    </article>
  )
}
