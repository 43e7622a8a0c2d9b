// The panel's content for one snapshot: plain DOM, rebuilt on each change (it is small).
import type { ResourceState } from 'kinde-account-sync'
import { age, secondsUntil, short, size } from './format'
import { h } from './h'
import type { DiskEntry, Snapshot } from './types'

const NEEDS_INSPECT = 'needs store.inspect() (a newer kinde-account-sync)'
const statusClass = (s: ResourceState<unknown>) =>
  s.error ? 'bad' : s.status === 'ready' ? (s.stale ? 'warn' : 'ok') : s.status === 'idle' ? 'dim' : 'warn'
const button = (action: string, label: string, extra: Record<string, string | boolean> = {}) =>
  h('button', { type: 'button', 'data-action': action, 'data-testid': `devtools-${action}`, ...extra }, label)

function resources({ resources: rows, now }: Snapshot): HTMLElement {
  return h('table', { 'data-testid': 'devtools-resources' },
    h('tr', {}, ...['resource', 'status', 'source', 'age', 'fetching', 'error', ''].map((t) => h('th', {}, t))),
    ...rows.map(({ name, state: s }) => h('tr', {
      'data-testid': `devtools-resource-${name}`, 'data-status': s.status, 'data-source': s.source ?? '',
      'data-fetching': String(s.fetching), 'data-stale': String(s.stale), 'data-error': s.error?.kind ?? '',
    },
    h('td', {}, name),
    h('td', { class: statusClass(s) }, s.status + (s.stale ? ' (stale)' : '')),
    h('td', {}, s.source ?? '—'),
    h('td', { title: s.updatedAt ? new Date(s.updatedAt).toISOString() : '' }, age(s.updatedAt, now)),
    h('td', { class: s.fetching ? 'warn' : 'dim' }, s.fetching ? 'yes' : 'no'),
    h('td', { class: 'bad', title: s.error?.message ?? '' }, s.error ? `${s.error.kind}${s.error.status ? ` ${s.error.status}` : ''}` : ''),
    h('td', {}, h('button', { type: 'button', 'data-action': 'refresh', 'data-resource': name, 'data-testid': `devtools-refresh-${name}` }, 'refresh')),
    )))
}

function session({ session: s, now, simulated }: Snapshot): HTMLElement {
  const left = secondsUntil(s.rateLimitedUntil, now)
  return h('div', {
    class: 'chips', 'data-testid': 'devtools-session', 'data-status': s.status, 'data-user': s.userId ?? '',
    'data-org': s.orgCode ?? '', 'data-leader': String(s.leader), 'data-online': String(s.online), 'data-persisted': String(s.persisted),
  },
  h('span', { class: s.status === 'signed-in' ? 'ok' : 'dim' }, s.status),
  h('span', {}, `user ${s.userId ?? '—'}`),
  h('span', {}, `org ${s.orgCode ?? '—'}`),
  h('span', { class: s.leader ? 'ok' : '' }, s.leader ? 'leader tab' : 'follower tab'),
  h('span', { class: s.online ? 'ok' : 'bad' }, (s.online ? 'online' : 'offline') + (simulated ? ' (simulated)' : '')),
  h('span', { class: s.persisted ? 'ok' : 'dim' }, s.persisted ? 'persisted' : 'memory only'),
  left > 0 && h('span', { class: 'warn', 'data-testid': 'devtools-cooldown', 'data-seconds': left }, `cool-down ${left} s`),
  )
}

function derived({ derived: rows }: Snapshot): HTMLElement {
  if (!rows) return h('p', { class: 'note', 'data-testid': 'devtools-derived', 'data-state': 'unavailable' }, NEEDS_INSPECT)
  if (!rows.length) return h('p', { class: 'note', 'data-testid': 'devtools-derived', 'data-state': 'empty' }, 'none asked yet')
  return h('table', { 'data-testid': 'devtools-derived', 'data-state': 'ready' },
    h('tr', {}, h('th', {}, 'kind'), h('th', {}, 'key'), h('th', {}, 'value'), h('th', {}, 'from')),
    ...rows.map((d) => h('tr', {
      'data-testid': `devtools-derived-${d.kind}-${d.key}`, 'data-from': d.from, 'data-value': short(d.value),
    }, h('td', { class: 'dim' }, d.kind), h('td', {}, d.key), h('td', {}, short(d.value)),
    h('td', { class: d.from === 'fallback' ? 'warn' : d.from === 'claims' || d.from === 'cache' ? '' : 'ok' }, d.from))))
}

function drift({ drift: d }: Snapshot): HTMLElement {
  const note = (state: string, text: string) => h('p', { class: 'note', 'data-testid': 'devtools-drift', 'data-state': state }, text)
  if (d === undefined) return note('unavailable', 'needs store.$drift (a newer kinde-account-sync)')
  if (d === null) return note('waiting', 'waiting for the API to answer for this identity')
  const lines = ([
    ['permissions', d.permissions.added, d.permissions.removed],
    ['roles', d.roles.added, d.roles.removed],
    ['feature flags', d.featureFlags.changed, []],
  ] as const).filter(([, a, r]) => a.length || r.length)
  if (!lines.length) return note('none', 'none: the token\'s claims agree with the API')
  return h('div', { 'data-testid': 'devtools-drift', 'data-state': 'drift' }, ...lines.map(([what, a, r]) =>
    h('div', {}, h('span', { class: 'dim' }, `${what}: `),
      what === 'feature flags' ? h('span', { class: 'warn' }, `changed ${a.join(', ')}`)
        : h('span', {}, a.length ? h('span', { class: 'ok' }, `API only +${a.join(' +')} `) : '',
          r.length ? h('span', { class: 'bad' }, `token only −${r.join(' −')}`) : ''))))
}

function disk({ disk: rows, now }: Snapshot): HTMLElement {
  if (rows === undefined) return h('p', { class: 'note', 'data-testid': 'devtools-disk', 'data-state': 'unavailable' }, NEEDS_INSPECT)
  if (rows === 'loading') return h('p', { class: 'note', 'data-testid': 'devtools-disk', 'data-state': 'loading' }, 'reading…')
  if (!rows.length) return h('p', { class: 'note', 'data-testid': 'devtools-disk', 'data-state': 'empty' }, 'nothing on disk for this identity')
  const total = rows.reduce((n, e) => n + e.bytes, 0)
  return h('table', { 'data-testid': 'devtools-disk', 'data-state': 'ready', 'data-bytes': total },
    h('tr', {}, h('th', {}, 'resource'), h('th', {}, 'size'), h('th', {}, 'written'), h('th', {}, 'key')),
    ...rows.map((e: DiskEntry) => h('tr', { 'data-testid': `devtools-disk-${e.resource}`, 'data-bytes': e.bytes },
      h('td', {}, e.resource), h('td', {}, size(e.bytes)), h('td', {}, age(e.updatedAt, now, ' ago')),
      h('td', { class: 'dim' }, e.key))),
    h('tr', {}, h('td', { class: 'dim' }, 'total'), h('td', {}, size(total))))
}

/** The open panel for `snap`; buttons carry `data-action` (the panel listens once, on its root). */
export function panel(snap: Snapshot, { canSimulate }: { canSimulate: boolean }): HTMLElement {
  return h('section', { class: 'panel', 'data-testid': 'devtools-panel' },
    h('header', {},
      h('b', {}, 'kinde-account-sync'),
      button('refresh-all', 'refresh all'),
      button('clear-cache', 'clear cache'),
      button('offline', snap.simulated ? 'restore network' : 'simulate offline', {
        disabled: !canSimulate, title: canSimulate ? 'for this tab only' : NEEDS_INSPECT,
        'data-simulated': String(Boolean(snap.simulated)),
      }),
      button('close', '×', { title: 'close' })),
    h('h4', {}, 'session'), session(snap),
    h('h4', {}, 'resources'), resources(snap),
    h('h4', {}, 'derived values asked so far'), derived(snap),
    h('h4', {}, 'claims drift'), drift(snap),
    h('h4', {}, 'on disk (keys and sizes)'), disk(snap))
}

