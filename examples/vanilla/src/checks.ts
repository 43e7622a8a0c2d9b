// Derived values: each answers from live data, then the token's claims, then the cache.
import type { AccountStore, Derived } from 'kinde-account-sync'
import { bind } from 'kinde-account-sync/vanilla'
import { CHECKS } from '../../shared/format'
import { h } from './h'

export function checks(store: AccountStore): HTMLElement {
  const check = (testId: string, label: string, value: Derived<boolean>) => {
    const el = h('span', { class: 'check', 'data-testid': testId })
    bind(el, value, (v) => {
      el.dataset.value = String(v)
      el.textContent = `${label} = ${v}`
    })
    return el
  }
  return h('div', {}, h('h3', {}, 'Checks'), h('div', { class: 'checks' },
    check(`check-flag-${CHECKS.flag}`, `flag('${CHECKS.flag}', false)`, store.flag(CHECKS.flag, false)),
    check(`check-permission-${CHECKS.permission}`, `hasPermission('${CHECKS.permission}')`, store.hasPermission(CHECKS.permission)),
    check(`check-role-${CHECKS.role}`, `hasRole('${CHECKS.role}')`, store.hasRole(CHECKS.role)),
    check(`check-entitlement-${CHECKS.entitlement}`, `hasEntitlement('${CHECKS.entitlement}')`, store.hasEntitlement(CHECKS.entitlement))))
}
