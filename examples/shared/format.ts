// Display helpers shared by the examples.
import type { AccountApiError, ResourceName, ResourceState } from 'kinde-account-sync'

export const RESOURCES: { name: ResourceName; title: string }[] = [
  { name: 'profile', title: 'Profile' },
  { name: 'roles', title: 'Roles' },
  { name: 'permissions', title: 'Permissions' },
  { name: 'featureFlags', title: 'Feature flags' },
  { name: 'properties', title: 'Properties' },
  { name: 'entitlements', title: 'Plans & entitlements' },
]

/** Wall-clock time of a timestamp (ms), or a dash. */
export function clock(ms: number | null | undefined): string {
  return ms ? new Date(ms).toLocaleTimeString() : '—'
}

/** Calendar date of a timestamp (ms), or a dash. */
export function day(ms: number | null | undefined): string {
  return ms ? new Date(ms).toLocaleDateString() : '—'
}

/** An entitlement's limit in words. */
export function limit(max: number | null): string {
  return max === null ? 'included' : `up to ${max.toLocaleString()}`
}

/** The keys the examples ask the store's derived values about (`flag`, `hasPermission`, …). */
export const CHECKS = { flag: 'dark_mode', permission: 'manage:webhooks', role: 'admin', entitlement: 'sso' } as const

/** Whole seconds from `now` until `until`, at least 0. */
export function secondsLeft(until: number | null | undefined, now: number): number {
  return until ? Math.max(0, Math.ceil((until - now) / 1000)) : 0
}

/** A flag's or property's value as text: on/off for booleans, JSON for objects. */
export function showValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off'
  if (value === null || value === undefined) return '—'
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/** The raw value for `data-value` attributes (tests read it). */
export function rawValue(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)
}

export function errorText(error: AccountApiError | undefined): string {
  return error ? `${error.kind}${error.status ? ` ${error.status}` : ''}` : ''
}

/** The data-* attributes of a resource's status row, identical in every example. */
export function statusAttrs(state: ResourceState<unknown>): Record<string, string> {
  return {
    'data-status': state.status,
    'data-source': state.source ?? '',
    'data-fetching': String(state.fetching),
    'data-stale': String(state.stale),
    'data-error': state.error?.kind ?? '',
  }
}

/** "Alice Anders" → "AA": the avatar shown until (or instead of) the picture. */
export function initials(name: string | null | undefined): string {
  return (name ?? '?').split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0]!.toUpperCase()).join('')
}

/** Hides a picture that does not load (the initials show through). */
export function hideBroken(event: Event): void {
  ;(event.currentTarget as HTMLElement).hidden = true
}
