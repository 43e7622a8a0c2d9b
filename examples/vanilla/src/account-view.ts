import type { AccountStore, ResourceDataMap, ResourceName, ResourceState } from 'kinde-account-sync'
import { bind } from 'kinde-account-sync/vanilla'
import { openPortal } from '../../shared/demo'
import { RESOURCES, clock, errorText, statusAttrs } from '../../shared/format'
import { fill, h } from './h'
import { checks } from './checks'
import { signOut } from './kinde'
import { renderers } from './renderers'

/** The signed-in view: a toolbar and one live card per resource. */
export function accountView(store: AccountStore, into: HTMLElement): void {
  const notice = h('p', { class: 'notice', 'data-testid': 'notice', hidden: true })
  const signout: HTMLElement = h('button', {
    class: 'danger', 'data-testid': 'signout',
    onclick: () => {
      signout.setAttribute('disabled', '')
      signOut(store).finally(() => signout.removeAttribute('disabled'))
    },
  }, 'Sign out')
  const portal = () => {
    notice.hidden = true
    openPortal(store).catch((error) => {
      notice.textContent = `Portal link: ${error?.message ?? error}`
      notice.hidden = false
    })
  }
  const grid = h('div', { class: 'grid' })
  into.append(h('section', { class: 'account', 'data-testid': 'account' },
    h('div', { class: 'toolbar' },
      h('button', { class: 'primary', 'data-testid': 'refresh', onclick: () => void store.refresh() }, 'Refresh now'),
      h('button', { 'data-testid': 'portal-link', onclick: portal }, 'Self-serve portal ↗'),
      h('span', { class: 'spacer' }),
      signout),
    notice, grid))

  for (const { name, title } of RESOURCES) card(store, grid, name, title)
}

function card<N extends ResourceName>(store: AccountStore, grid: HTMLElement, name: N, title: string): void {
  const status = h('div', { class: 'status', 'data-testid': `status-${name}` })
  const body = h('div')
  grid.append(h('article', { class: 'card', 'data-testid': `card-${name}` }, h('header', {}, h('h2', {}, title), status), body,
    name === 'profile' && checks(store)))

  const resource = store.resource(name)
  bind(status, resource, (state) => renderStatus(status, name, state))
  // Re-render the body only when the data changes: the store keeps its reference when equal.
  let shown: unknown = null
  bind(body, resource, (state) => {
    if (state.data === shown && state.data !== undefined) return
    shown = state.data
    const render = renderers[name] as (data: ResourceDataMap[N]) => HTMLElement
    body.replaceChildren(state.data
      ? render(state.data)
      : h('p', { class: 'empty' }, state.status === 'error' ? 'Could not load.' : 'Loading…'))
  })
}

function renderStatus(el: HTMLElement, name: string, state: ResourceState<unknown>): void {
  for (const [key, value] of Object.entries(statusAttrs(state))) el.setAttribute(key, value)
  fill(el,
    h('span', { class: `badge ${state.status}` }, state.status),
    state.source && h('span', { class: 'badge' }, `from ${state.source}`),
    h('span', { class: 'badge', title: 'last network update' }, clock(state.updatedAt)),
    state.fetching && h('span', { class: 'badge fetching' }, 'fetching'),
    state.stale && h('span', { class: 'badge stale' }, 'stale'),
    state.error && h('span', { class: 'badge error', 'data-testid': `error-${name}` }, errorText(state.error)),
  )
}
