// Derived values: each answers from live data, then the token's claims, then the cache.
import { useEntitlement, useFlag, usePermission, useRole } from 'kinde-account-sync/react'
import { CHECKS } from '../../shared/format'

export function Checks() {
  const darkMode = useFlag(CHECKS.flag, false)
  const canManageWebhooks = usePermission(CHECKS.permission)
  const isAdmin = useRole(CHECKS.role)
  const hasSso = useEntitlement(CHECKS.entitlement)
  return (
    <>
      <h3>Checks</h3>
      <div className="checks">
        <span className="check" data-testid={`check-flag-${CHECKS.flag}`} data-value={String(darkMode)}>
          useFlag('{CHECKS.flag}', false) = {String(darkMode)}
        </span>
        <span className="check" data-testid={`check-permission-${CHECKS.permission}`} data-value={String(canManageWebhooks)}>
          usePermission('{CHECKS.permission}') = {String(canManageWebhooks)}
        </span>
        <span className="check" data-testid={`check-role-${CHECKS.role}`} data-value={String(isAdmin)}>
          useRole('{CHECKS.role}') = {String(isAdmin)}
        </span>
        <span className="check" data-testid={`check-entitlement-${CHECKS.entitlement}`} data-value={String(hasSso)}>
          useEntitlement('{CHECKS.entitlement}') = {String(hasSso)}
        </span>
      </div>
    </>
  )
}
