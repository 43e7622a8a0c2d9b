import { useState } from 'react'
import { useAccountStore } from 'kinde-account-sync/react'
import { openPortal, signOut } from '../../shared/demo'
import { day, initials, limit, rawValue, showValue } from '../../shared/format'
import { Checks } from './Checks'
import { ResourceCard } from './ResourceCard'

const Empty = ({ children }: { children: string }) => <p className="empty">{children}</p>

export function AccountView() {
  const store = useAccountStore()
  const [problem, setProblem] = useState('')
  const [busy, setBusy] = useState(false)

  async function portal() {
    setProblem('')
    try {
      await openPortal(store)
    } catch (error) {
      setProblem(`Portal link: ${String((error as Error).message ?? error)}`)
    }
  }

  async function leave() {
    setBusy(true)
    await signOut(store).finally(() => setBusy(false))
  }

  return (
    <section className="account" data-testid="account">
      <div className="toolbar">
        <button className="primary" data-testid="refresh" onClick={() => void store.refresh()}>Refresh now</button>
        <button data-testid="portal-link" onClick={() => void portal()}>Self-serve portal ↗</button>
        <span className="spacer" />
        <button className="danger" data-testid="signout" disabled={busy} onClick={() => void leave()}>Sign out</button>
      </div>
      {problem && <p className="notice" data-testid="notice">{problem}</p>}

      <div className="grid">
        <ResourceCard name="profile" title="Profile">
          {(p) => (
            <>
              <div className="profile">
                <span className="avatar">
                  {initials(p.name)}
                  {p.picture && <img src={p.picture} alt="" onError={(e) => void (e.currentTarget.hidden = true)} />}
                </span>
                <div>
                  <strong data-testid="profile-name">{p.name ?? '—'}</strong>
                  <small data-testid="profile-email">{p.email ?? '—'}</small>
                </div>
              </div>
              <dl className="facts">
                <dt>id</dt><dd><code data-testid="profile-id">{p.id}</code></dd>
                <dt>username</dt><dd>{p.preferredUsername ?? '—'}</dd>
                <dt>updated</dt><dd>{p.updatedAt ? day(p.updatedAt * 1000) : '—'}</dd>
              </dl>
              <Checks />
            </>
          )}
        </ResourceCard>

        <ResourceCard name="roles" title="Roles">
          {(data) => data.roles.length ? (
            <ul className="items">
              {data.roles.map((role) => (
                <li key={role.key} data-testid={`role-${role.key}`}><span>{role.name ?? role.key}</span><code>{role.key}</code></li>
              ))}
            </ul>
          ) : <Empty>No roles</Empty>}
        </ResourceCard>

        <ResourceCard name="permissions" title="Permissions">
          {(data) => data.permissions.length ? (
            <ul className="items">
              {data.permissions.map((perm) => (
                <li key={perm.key} data-testid={`permission-${perm.key}`}><code>{perm.key}</code><span className="name">{perm.name}</span></li>
              ))}
            </ul>
          ) : <Empty>No permissions</Empty>}
        </ResourceCard>

        <ResourceCard name="featureFlags" title="Feature flags">
          {(data) => data.featureFlags.length ? (
            <ul className="items">
              {data.featureFlags.map((flag) => (
                <li key={flag.key} data-testid={`flag-${flag.key}`} data-value={rawValue(flag.value)}>
                  <code>{flag.key}</code>
                  <span className={`value ${typeof flag.value === 'boolean' ? (flag.value ? 'on' : 'off') : ''}`}>{showValue(flag.value)}</span>
                </li>
              ))}
            </ul>
          ) : <Empty>No feature flags</Empty>}
        </ResourceCard>

        <ResourceCard name="properties" title="Properties">
          {(data) => data.properties.length ? (
            <ul className="items">
              {data.properties.map((prop) => (
                <li key={prop.key} data-testid={`property-${prop.key}`} data-value={rawValue(prop.value)}>
                  <code>{prop.key}</code><span className="value">{showValue(prop.value)}</span>
                </li>
              ))}
            </ul>
          ) : <Empty>No properties</Empty>}
        </ResourceCard>

        <ResourceCard name="entitlements" title="Plans & entitlements">
          {(data) => (
            <>
              <h3>Plans</h3>
              {data.plans.length ? (
                <ul className="items">
                  {data.plans.map((plan) => (
                    <li key={plan.key} data-testid={`plan-${plan.key}`}>
                      <span>{plan.name ?? plan.key}</span><span className="name">{plan.subscribedOn?.slice(0, 10)}</span>
                    </li>
                  ))}
                </ul>
              ) : <Empty>No plan</Empty>}
              <h3>Entitlements</h3>
              {data.entitlements.length ? (
                <ul className="items">
                  {data.entitlements.map((ent) => (
                    <li key={ent.featureKey} data-testid={`entitlement-${ent.featureKey}`}>
                      <span>{ent.featureName ?? ent.featureKey}</span><span className="name">{limit(ent.entitlementLimitMax)}</span>
                    </li>
                  ))}
                </ul>
              ) : <Empty>No entitlements</Empty>}
            </>
          )}
        </ResourceCard>
      </div>
    </section>
  )
}
