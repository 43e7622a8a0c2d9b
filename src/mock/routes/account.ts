import type { MockState } from '../data/state'
import { paginate, readPageQuery } from '../pagination'
import { json, kindeError } from '../responses'
import type { MockMembership, MockRoute, MockUser } from '../types'

export interface AccountContext {
  state: MockState
  userId: string
  orgCode: string | null
  query: URLSearchParams
  /** List routes answered in one piece without `metadata` (ARCHITECTURE.md, "Mock", fact 2). */
  omitMetadata: ReadonlySet<MockRoute>
}

type ListRoute = 'permissions' | 'roles' | 'featureFlags' | 'properties' | 'entitlements'

/** Each list route: the array it pages over, and the fields every page carries beside it. */
function listOf(route: ListRoute, user: MockUser, m: MockMembership | null, orgCode: string | null) {
  const org = orgCode === null ? {} : { org_code: orgCode }
  switch (route) {
    case 'permissions': return { field: 'permissions', items: m?.permissions ?? [], extra: org }
    case 'roles': return { field: 'roles', items: m?.roles ?? [], extra: org }
    case 'featureFlags': return { field: 'feature_flags', items: m?.feature_flags ?? [], extra: {} }
    case 'properties': return { field: 'properties', items: user.properties, extra: {} }
    // Plans are not paged: every page of entitlements carries all of them.
    case 'entitlements': return { field: 'entitlements', items: m?.entitlements ?? [], extra: { ...org, plans: m?.plans ?? [] } }
  }
}

export function listResponse(route: ListRoute, ctx: AccountContext): Response {
  const found = ctx.state.find(ctx.userId, ctx.orgCode)!
  const { field, items, extra } = listOf(route, found.user, found.membership, ctx.orgCode)
  if (ctx.omitMetadata.has(route)) {
    // Without metadata a page is the last page (ARCHITECTURE.md, "Mock", fact 2), so a faithful server sends everything.
    return json(200, { data: { ...extra, [field]: structuredClone(items) } })
  }
  const query = readPageQuery(ctx.query)
  const page = typeof query === 'string' ? query : paginate<{ id: string }>(items, query)
  if (typeof page === 'string') return kindeError(400, 'invalid_request', page)
  // The object's key order follows the spec: data first, then metadata.
  return json(200, { data: { ...extra, [field]: structuredClone(page.items) }, metadata: page.metadata })
}

export function profileResponse(ctx: AccountContext): Response {
  return json(200, { ...ctx.state.find(ctx.userId, ctx.orgCode)!.user.profile })
}

export function entitlementResponse(ctx: AccountContext, key: string): Response {
  const m = ctx.state.find(ctx.userId, ctx.orgCode)!.membership
  const entitlement = m?.entitlements.find((e) => e.feature_key === key)
  if (!entitlement || ctx.orgCode === null) return kindeError(404, 'not_found', `No entitlement for feature "${key}"`)
  return json(200, { data: { org_code: ctx.orgCode, entitlement: { ...entitlement } } })
}
