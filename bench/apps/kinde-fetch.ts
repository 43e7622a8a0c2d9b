// What a TanStack Query or nanoquery user writes to read the Kinde Account API: fetch with a bearer
// token, follow `next_page_starting_after`, throw on a non-2xx answer. No validation, no camelCase
// mapping (our store does both), so the peers' bundles carry less than ours.

export const KINDE_PATHS = {
  profile: '/oauth2/v2/user_profile',
  permissions: '/account_api/v1/permissions',
  roles: '/account_api/v1/roles',
  featureFlags: '/account_api/v1/feature_flags',
  properties: '/account_api/v1/properties',
  entitlements: '/account_api/v1/entitlements',
} as const
export type KindeResource = keyof typeof KINDE_PATHS

export class KindeHttpError extends Error {
  constructor(readonly status: number, readonly rateLimitReset: number | null) {
    super(`Kinde Account API answered ${status}`)
  }
}

export interface KindeFetchOptions {
  domain: string
  getToken: () => string | null | Promise<string | null>
  fetch?: typeof globalThis.fetch
  signal?: AbortSignal
}

export async function fetchKinde(resource: KindeResource, o: KindeFetchOptions): Promise<any> {
  const path = KINDE_PATHS[resource]
  if (resource === 'profile') return get(o.domain + path, o)
  let merged: Record<string, any> | undefined
  let after: string | null = null
  do {
    const q: string = after ? `&starting_after=${encodeURIComponent(after)}` : ''
    const body = await get(`${o.domain}${path}?page_size=100${q}`, o)
    if (!merged) merged = body.data
    else for (const k in body.data) if (Array.isArray(body.data[k])) merged[k] = merged[k].concat(body.data[k])
    after = body.metadata?.has_more ? body.metadata.next_page_starting_after : null
  } while (after)
  return merged
}

async function get(url: string, o: KindeFetchOptions): Promise<any> {
  const res = await (o.fetch ?? fetch)(url, {
    headers: { Authorization: `Bearer ${await o.getToken()}`, Accept: 'application/json' },
    credentials: 'omit',
    signal: o.signal,
  })
  if (!res.ok) {
    const reset = res.headers.get('ratelimit-reset')
    throw new KindeHttpError(res.status, reset === null ? null : Number(reset))
  }
  return res.json()
}
