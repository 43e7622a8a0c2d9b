import type { MockProperty, MockSeed, MockUser } from '../types'
import { ALL_PERMISSIONS, flagsWith, permission, proPlan, role, starterPlan } from './catalog'
import { avatarDataUrl } from './avatar'
import { mockId, nameOf } from './ids'

const property = (key: string, value: MockProperty['value']): MockProperty =>
  ({ id: mockId('prop', key), key, name: nameOf(key), value })

function properties(values: Record<string, MockProperty['value']>): MockProperty[] {
  return Object.entries(values).map(([key, value]) => property(key, value))
}

const pick = (keys: string[]) => keys.map(permission)

/**
 * The built-in seed: three users in two orgs, Alice in both. Alice's lists need three pages of
 * 10, Bob's and Carol's two or three, so pagination is always exercised. A fresh copy per call.
 */
export function defaultSeed(): MockSeed {
  const alice: MockUser = {
    profile: {
      id: 'kp_alice', sub: 'kp_alice', provided_id: 'ext-1001', name: 'Alice Anders', given_name: 'Alice',
      family_name: 'Anders', email: 'alice@acme.example', email_verified: true,
      picture: avatarDataUrl('Alice Anders', '#7c3aed'), preferred_username: 'alice', updated_at: 1_767_225_600,
    },
    properties: properties({
      kp_usr_city: 'Sydney', kp_usr_job_title: 'CTO', kp_usr_industry: 'Software', kp_usr_middle_name: 'Jane',
      kp_usr_postcode: '2000', kp_usr_state_region: 'NSW', kp_usr_street_address: '1 George St',
      kp_usr_street_address_2: 'Level 12', kp_usr_is_marketing_opt_in: true, kp_usr_country: 'AU',
      team_size: 42, employee_number: 1001, newsletter_frequency: 'weekly', slack_handle: '@alice',
      beta_tester: true, seat_number: 7, timezone: 'Australia/Sydney', cost_centre: 'ENG-01',
      desk_floor: 12, preferred_language: 'en', onboarding_completed: true, referral_code: 'ALICE-2025',
    }),
    memberships: [
      {
        org_code: 'org_acme', permissions: pick(ALL_PERMISSIONS),
        roles: [role('owner'), role('admin'), role('member'), role('billing_manager', 'Billing manager'),
          role('developer'), role('viewer'), role('support'), role('auditor'), role('project_lead', 'Project lead'),
          role('finance'), role('security_officer', 'Security officer'), role('hr', 'HR')],
        feature_flags: flagsWith({ support_tier: 'gold', ai_assistant: true }),
        ...proPlan(),
      },
      {
        org_code: 'org_globex',
        permissions: pick(['read:reports', 'read:invoices', 'read:members', 'read:billing', 'read:settings',
          'read:projects', 'create:projects', 'view:analytics']),
        roles: [role('member'), role('developer')],
        feature_flags: flagsWith({ theme: 'forest', max_projects: 3, new_dashboard: true }),
        ...starterPlan(),
      },
    ],
  }
  const bob: MockUser = {
    profile: {
      id: 'kp_bob', sub: 'kp_bob', provided_id: null, name: 'Bob Baker', given_name: 'Bob', family_name: 'Baker',
      email: 'bob@acme.example', email_verified: true, picture: avatarDataUrl('Bob Baker', '#0e7490'),
      preferred_username: 'bob', updated_at: 1_764_547_200,
    },
    properties: properties({
      kp_usr_city: 'Leeds', kp_usr_job_title: 'Engineer', kp_usr_industry: 'Software', kp_usr_postcode: 'LS1 4AP',
      kp_usr_country: 'GB', kp_usr_is_marketing_opt_in: false, team_size: 8, employee_number: 2044,
      newsletter_frequency: 'monthly', slack_handle: '@bob', timezone: 'Europe/London', desk_floor: 3,
    }),
    memberships: [{
      org_code: 'org_acme',
      permissions: pick(['read:reports', 'write:reports', 'read:invoices', 'read:members', 'read:settings',
        'read:projects', 'create:projects', 'update:projects', 'export:data', 'manage:api_keys',
        'manage:webhooks', 'view:analytics']),
      roles: [role('member'), role('developer')],
      feature_flags: flagsWith({ dark_mode: false }),
      ...proPlan(),
    }],
  }
  const carol: MockUser = {
    profile: {
      id: 'kp_carol', sub: 'kp_carol', provided_id: null, name: 'Carol Chen', given_name: 'Carol',
      family_name: 'Chen', email: 'carol@globex.example', email_verified: false, picture: null,
      preferred_username: null, updated_at: 1_761_955_200,
    },
    properties: properties({
      kp_usr_city: 'Toronto', kp_usr_job_title: 'Head of Finance', kp_usr_industry: 'Manufacturing',
      kp_usr_country: 'CA', kp_usr_is_marketing_opt_in: true, team_size: 5, employee_number: 3120,
      newsletter_frequency: 'never', timezone: 'America/Toronto', cost_centre: 'FIN-02', desk_floor: 2,
    }),
    memberships: [{
      org_code: 'org_globex', permissions: pick(ALL_PERMISSIONS.slice(0, 21)),
      roles: [role('admin'), role('finance'), role('billing_manager', 'Billing manager')],
      feature_flags: flagsWith({ theme: 'forest', max_projects: 3, csv_export: false }),
      ...starterPlan(),
    }],
  }
  return {
    orgs: [{ code: 'org_acme', name: 'Acme Corp' }, { code: 'org_globex', name: 'Globex Corporation' }],
    users: [alice, bob, carol],
  }
}
