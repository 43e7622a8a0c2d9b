// How each resource's data looks; the same markup and test ids as the Vue and Svelte examples.
import type { ResourceDataMap, ResourceName } from 'kinde-account-sync'
import { day, limit, rawValue, showValue } from '../../shared/format'
import { avatar, h, list } from './h'

const valueClass = (v: unknown) => `value ${v === true ? 'on' : v === false ? 'off' : ''}`

export const renderers: { [N in ResourceName]: (data: ResourceDataMap[N]) => HTMLElement } = {
  profile: (p) => h('div', {},
    h('div', { class: 'profile' },
      avatar(p.name, p.picture),
      h('div', {}, h('strong', { 'data-testid': 'profile-name' }, p.name ?? '—'), h('small', { 'data-testid': 'profile-email' }, p.email ?? '—'))),
    h('dl', { class: 'facts' },
      h('dt', {}, 'id'), h('dd', {}, h('code', { 'data-testid': 'profile-id' }, p.id)),
      h('dt', {}, 'username'), h('dd', {}, p.preferredUsername ?? '—'),
      h('dt', {}, 'updated'), h('dd', {}, p.updatedAt ? day(p.updatedAt * 1000) : '—'))),

  roles: (d) => list(d.roles, 'No roles', (role) =>
    h('li', { 'data-testid': `role-${role.key}` }, h('span', {}, role.name ?? role.key), h('code', {}, role.key))),

  permissions: (d) => list(d.permissions, 'No permissions', (perm) =>
    h('li', { 'data-testid': `permission-${perm.key}` }, h('code', {}, perm.key), h('span', { class: 'name' }, perm.name ?? ''))),

  featureFlags: (d) => list(d.featureFlags, 'No feature flags', (flag) =>
    h('li', { 'data-testid': `flag-${flag.key}`, 'data-value': rawValue(flag.value) },
      h('code', {}, flag.key), h('span', { class: valueClass(flag.value) }, showValue(flag.value)))),

  properties: (d) => list(d.properties, 'No properties', (prop) =>
    h('li', { 'data-testid': `property-${prop.key}`, 'data-value': rawValue(prop.value) },
      h('code', {}, prop.key), h('span', { class: 'value' }, showValue(prop.value)))),

  entitlements: (d) => h('div', {},
    h('h3', {}, 'Plans'),
    list(d.plans, 'No plan', (plan) => h('li', { 'data-testid': `plan-${plan.key}` },
      h('span', {}, plan.name ?? plan.key), h('span', { class: 'name' }, plan.subscribedOn?.slice(0, 10) ?? ''))),
    h('h3', {}, 'Entitlements'),
    list(d.entitlements, 'No entitlements', (ent) => h('li', { 'data-testid': `entitlement-${ent.featureKey}` },
      h('span', {}, ent.featureName ?? ent.featureKey), h('span', { class: 'name' }, limit(ent.entitlementLimitMax))))),
}
