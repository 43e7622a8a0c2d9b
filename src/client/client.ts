import { AccountApiError } from './errors'
import { entitlementData, introspection, pageData, portalLink, userProfile } from './map'
import type { ListResourceName } from './models'
import { mergePages, readPage } from './paginate'
import { entitlementPath, PATHS } from './paths'
import { createSend } from './request'
import type { AccountClient, AccountClientOptions, PageDataMap, PageOptions, RequestOptions } from './types'

/**
 * A typed client for the Kinde Account API (ARCHITECTURE.md, "Flow"). Every method resolves with camelCase
 * models or rejects with an AccountApiError; list methods return every page merged.
 */
export function createAccountClient(options: AccountClientOptions): AccountClient {
  const send = createSend(options)
  const { pageSize: defaultPageSize = 100 } = options

  const getPage = <R extends ListResourceName>(resource: R, { pageSize = defaultPageSize, startingAfter, signal }: PageOptions = {}) =>
    send({
      method: 'GET',
      path: PATHS[resource],
      query: { page_size: pageSize, starting_after: startingAfter },
      signal,
      read: (body) => readPage(body, pageData[resource] as (d: object) => PageDataMap[R], startingAfter),
    })

  const all = <R extends ListResourceName>(resource: R) => async ({ signal }: RequestOptions = {}): Promise<PageDataMap[R]> => {
    let page = await getPage(resource, { signal })
    let data = page.data
    const seen = new Set<string>()
    while (page.hasMore) {
      const cursor = page.nextPageStartingAfter as string // readPage guarantees one when hasMore
      // a cursor seen before would loop forever
      if (seen.has(cursor)) {
        throw new AccountApiError({ kind: 'invalid_response', method: 'GET', path: PATHS[resource], message: 'the page cursor repeats' })
      }
      seen.add(cursor)
      page = await getPage(resource, { startingAfter: cursor, signal })
      data = mergePages(data, page.data)
    }
    return data
  }

  return {
    getUserProfile: ({ signal } = {}) => send({ method: 'GET', path: PATHS.profile, signal, read: userProfile }),
    getPermissions: all('permissions'),
    getRoles: all('roles'),
    getFeatureFlags: all('featureFlags'),
    getProperties: all('properties'),
    getEntitlements: all('entitlements'),
    getEntitlement: (key, { signal } = {}) => send({ method: 'GET', path: entitlementPath(key), signal, read: entitlementData }),
    getPage,
    getPortalLink: ({ subnav, returnUrl, signal } = {}) =>
      send({ method: 'GET', path: '/account_api/v1/portal_link', query: { subnav, return_url: returnUrl }, signal, read: portalLink }),
    introspect: ({ token, tokenTypeHint, signal } = {}) =>
      send({ method: 'POST', path: '/oauth2/introspect', form: { token, token_type_hint: tokenTypeHint }, signal, read: introspection }),
    revoke: ({ clientId, token, clientSecret, tokenTypeHint, signal }) =>
      send<void>({
        method: 'POST',
        path: '/oauth2/revoke',
        form: { client_id: clientId, token, client_secret: clientSecret, token_type_hint: tokenTypeHint },
        signal,
      }),
  }
}
