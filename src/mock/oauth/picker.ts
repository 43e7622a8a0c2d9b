import type { MockUser } from '../types'

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * The stand-in for Kinde's hosted sign-in page: one link per user (and org), each the same
 * `/oauth2/auth` request with `login_hint` (and `org_code`) added, which skips this page.
 */
export function pickerPage(query: URLSearchParams, users: MockUser[]): Response {
  const items = users.flatMap((user) => user.memberships.map((m) => {
    const next = new URLSearchParams(query)
    next.set('login_hint', user.profile.email)
    next.set('org_code', m.org_code)
    const label = `${user.profile.name} <${user.profile.email}> in ${m.org_code}`
    return `<li><a href="/oauth2/auth?${esc(next.toString())}" data-user="${esc(user.profile.id)}" `
      + `data-org="${esc(m.org_code)}">${esc(label)}</a></li>`
  }))
  const html = '<!doctype html><meta charset="utf-8"><title>Sign in: mock Kinde</title>'
    + '<h1>Sign in</h1><p>Mock Kinde: choose who you are.</p>'
    + `<ul id="users">${items.join('')}</ul>`
  return new Response(html, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } })
}
