import type { AccountStore } from 'kinde-account-sync'
import { watch } from 'kinde-account-sync/vanilla'
import { intervalFromUrl } from '../../shared/demo'
import { secondsLeft } from '../../shared/format'
import { fill, h } from './h'

/** The top bar: session chips and the rate-limit countdown (ticks while limited). */
export function sessionBar(store: AccountStore): HTMLElement {
  const chips = h('div', { class: 'session', 'data-testid': 'session' })
  const every = `every ${intervalFromUrl() / 1000} s`

  function render() {
    const s = store.$session.get()
    const left = secondsLeft(s.rateLimitedUntil, Date.now())
    chips.dataset.status = s.status
    fill(chips,
      ...(s.status === 'signed-in'
        ? [
            h('span', { class: 'chip', 'data-testid': 'session-org' }, s.orgCode ?? 'no org'),
            h('span', { class: `chip ${s.leader ? 'on' : ''}`, 'data-testid': 'session-leader', 'data-leader': String(s.leader) },
              s.leader ? 'leader tab' : 'follower tab'),
            h('span', { class: 'chip', 'data-testid': 'session-persisted', 'data-persisted': String(s.persisted) },
              s.persisted ? 'saved offline' : 'memory only'),
          ]
        : []),
      h('span', { class: `chip ${s.online ? 'on' : 'off'}`, 'data-testid': 'session-online', 'data-online': String(s.online) },
        s.online ? 'online' : 'offline'),
      h('span', { class: 'chip' }, every),
      left > 0 && h('span', { class: 'chip warn', 'data-testid': 'rate-limit' },
        'rate limited · retry in ', h('b', { 'data-testid': 'rate-limit-countdown' }, left), ' s'),
    )
  }

  // The countdown needs a clock besides the session's own changes.
  let tick: ReturnType<typeof setInterval> | undefined
  watch(store.$session, (s) => {
    render()
    if (!s.rateLimitedUntil || tick) return
    tick = setInterval(() => {
      render()
      if (secondsLeft(store.$session.get().rateLimitedUntil, Date.now()) > 0) return
      clearInterval(tick)
      tick = undefined
    }, 250)
  })

  return h('header', { class: 'topbar' },
    h('div', { class: 'brand' }, h('span', { class: 'logo' }, 'K'), ' kinde-account-sync ', h('span', { class: 'tag' }, 'vanilla')),
    chips)
}
