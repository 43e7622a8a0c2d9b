import { json, kindeError } from '../responses'

/** The spec's seven `subnav` values plus the two Kinde's SDK sends (ARCHITECTURE.md, "Mock", fact 7). */
export const SUBNAVS: readonly string[] = ['profile', 'organization_details', 'organization_payment_details',
  'organization_plan_selection', 'payment_details', 'plan_details', 'plan_selection', 'organization_members',
  'organization_plan_details']

interface PortalVisit { subnav: string | null; returnUrl: string | null; userId: string }

/** Portal links and the page they open (a stand-in for Kinde's hosted self-serve portal). */
export function createPortal() {
  const visits = new Map<string, PortalVisit>()

  return {
    link(query: URLSearchParams, origin: string, userId: string): Response {
      const subnav = query.get('subnav')
      if (subnav !== null && !SUBNAVS.includes(subnav)) return kindeError(400, 'invalid_request', `unknown subnav "${subnav}"`)
      const returnUrl = query.get('return_url')
      if (returnUrl !== null && !/^https?:\/\//.test(returnUrl)) {
        return kindeError(400, 'invalid_request', 'return_url must be an absolute http(s) URL')
      }
      const key = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')
      visits.set(key, { subnav, returnUrl, userId })
      return json(200, { url: `${origin}/portal_redirect?key=${key}` })
    },
    page(query: URLSearchParams): Response {
      const visit = visits.get(query.get('key') ?? '')
      if (!visit) return new Response('Unknown or used portal link', { status: 404, headers: { 'content-type': 'text/plain' } })
      const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
      const back = visit.returnUrl ? `<p><a href="${esc(visit.returnUrl)}">Back to the app</a></p>` : ''
      return new Response(
        `<!doctype html><title>Mock Kinde portal</title><h1>Mock self-serve portal</h1>`
        + `<p>User ${esc(visit.userId)}, section ${esc(visit.subnav ?? 'profile')}.</p>${back}`,
        { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } },
      )
    },
  }
}
