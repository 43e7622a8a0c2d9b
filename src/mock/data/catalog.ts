import type { MockEntitlement, MockFeatureFlag, MockFlagValue, MockPermission, MockPlan, MockRole } from '../types'
import { mockId, nameOf } from './ids'

// Building blocks of the default seed. Functions, not module constants: every mock gets fresh
// objects, so one test's mutations never leak into another's mock.

export const permission = (key: string): MockPermission => ({ id: mockId('perm', key), key, name: nameOf(key) })
export const role = (key: string, name = nameOf(key)): MockRole => ({ id: mockId('role', key), key, name })

export function flagType(value: MockFlagValue): MockFeatureFlag['type'] {
  if (typeof value === 'boolean') return 'boolean'
  if (typeof value === 'number') return 'integer'
  if (typeof value === 'string') return 'string'
  return 'object'
}
export const flag = (key: string, value: MockFlagValue): MockFeatureFlag =>
  ({ id: mockId('flag', key), key, name: nameOf(key), type: flagType(value), value })

export const ALL_PERMISSIONS = [
  'read:reports', 'write:reports', 'delete:reports', 'read:invoices', 'write:invoices', 'read:members',
  'invite:members', 'remove:members', 'read:billing', 'manage:billing', 'read:settings', 'write:settings',
  'read:projects', 'create:projects', 'update:projects', 'delete:projects', 'read:audit_log', 'export:data',
  'import:data', 'manage:api_keys', 'manage:webhooks', 'manage:roles', 'view:analytics',
  'manage:integrations', 'read:support', 'manage:sso',
]

/** The flags every membership sees; `overrides` gives an org its own values. */
export function flagsWith(overrides: Record<string, MockFlagValue> = {}): MockFeatureFlag[] {
  const defaults: Record<string, MockFlagValue> = {
    dark_mode: true, new_dashboard: false, beta_features: true, ai_assistant: false,
    maintenance_banner: false, csv_export: true,
    theme: 'ocean', onboarding_variant: 'checklist', support_tier: 'silver', default_locale: 'en-GB',
    max_projects: 25, upload_limit_mb: 100, seats_warning_threshold: 5,
    dashboard_layout: { columns: 3, widgets: ['usage', 'billing', 'team'] },
    rate_limits: { per_minute: 60, burst: 10 },
  }
  return Object.entries({ ...defaults, ...overrides }).map(([key, value]) => flag(key, value))
}

export function entitlement(
  feature_key: string, price_name: string,
  money: { fixed?: number; unit?: number } = {}, limits: { max?: number; min?: number } = {},
): MockEntitlement {
  return {
    id: mockId('entitlement', feature_key + price_name), fixed_charge: money.fixed ?? null, price_name,
    unit_amount: money.unit ?? null, feature_key, feature_name: nameOf(feature_key),
    entitlement_limit_max: limits.max ?? null, entitlement_limit_min: limits.min ?? null,
  }
}

export const proPlan = (): { plans: MockPlan[]; entitlements: MockEntitlement[] } => ({
  plans: [{ key: 'pro', name: 'Pro', subscribed_on: '2025-06-01T12:00:00Z' }],
  entitlements: [
    entitlement('base_price', 'Pro', { fixed: 4900 }),
    entitlement('seats', 'Pro seats', { unit: 1200 }, { max: 50, min: 1 }),
    entitlement('api_calls', 'Pro API calls', { unit: 1 }, { max: 100_000 }),
    entitlement('storage_gb', 'Pro storage', { unit: 25 }, { max: 500 }),
    entitlement('projects', 'Pro projects', {}, { max: 25 }),
    entitlement('custom_domains', 'Pro domains', {}, { max: 3 }),
    entitlement('sso', 'Pro SSO'),
    entitlement('audit_log', 'Pro audit log'),
    entitlement('priority_support', 'Pro support'),
    entitlement('webhooks', 'Pro webhooks', {}, { max: 20 }),
    entitlement('reports:advanced', 'Pro reports'),
    entitlement('data_retention_days', 'Pro retention', {}, { max: 365, min: 30 }),
  ],
})

export const starterPlan = (): { plans: MockPlan[]; entitlements: MockEntitlement[] } => ({
  plans: [{ key: 'starter', name: 'Starter', subscribed_on: '2025-09-15T08:30:00Z' }],
  entitlements: [
    entitlement('base_price', 'Starter', { fixed: 900 }),
    entitlement('seats', 'Starter seats', { unit: 800 }, { max: 5, min: 1 }),
    entitlement('projects', 'Starter projects', {}, { max: 3 }),
    entitlement('storage_gb', 'Starter storage', { unit: 30 }, { max: 20 }),
  ],
})
