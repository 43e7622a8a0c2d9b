// The demo's control page: plain JS calling the demo server's /demo/* endpoints.
const $ = (sel) => document.querySelector(sel)
const interval = Number(new URLSearchParams(location.search).get('interval')) || 2000
let users = []

async function call(method, path, body) {
  const res = await fetch(path, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) })
  const json = await res.json()
  if (!res.ok) throw new Error(json.error ?? res.status)
  return json
}

function selected() {
  const [user, org] = $('#user').value.split('|')
  return { user, org: org || null }
}

function el(tag, attrs = {}, ...children) {
  const node = Object.assign(document.createElement(tag), attrs)
  node.append(...children)
  return node
}

function showFaults(faults) {
  const chips = Object.entries(faults).map(([kind, f]) => el('span', { className: 'chip warn' },
    kind === 'throttle' ? `429 · RateLimit-Reset ${f.rateLimitReset} s` : kind === 'down' ? 'API down (503)' : `latency ${f.latency} ms`))
  $('#faults').replaceChildren(...(chips.length ? chips : [el('span', { className: 'chip on' }, 'API healthy')]))
}

function flagControl(flag, { user, org }) {
  const set = (value) => call('POST', '/demo/flag', { user, org, key: flag.key, value }).then(refresh)
  if (typeof flag.value === 'boolean') {
    return el('button', { onclick: () => set(!flag.value), className: flag.value ? 'primary' : '' },
      flag.value ? 'on' : 'off')
  }
  const input = el('input', { value: typeof flag.value === 'object' ? JSON.stringify(flag.value) : String(flag.value) })
  const parse = (text) => (typeof flag.value === 'number' ? Number(text) : typeof flag.value === 'object' ? JSON.parse(text) : text)
  return el('span', { className: 'row' }, input, el('button', { onclick: () => set(parse(input.value)) }, 'Set'))
}

// Refreshes overlap (the 3 s timer, every change): only the latest one draws, so an answer for the
// user selected before never replaces the buttons of the one selected now (they act for their user).
let latest = 0
async function refresh() {
  const { user, org } = selected()
  if (!user) return
  const mine = ++latest
  const state = await call('GET', `/demo/state?${new URLSearchParams({ user, ...(org ? { org } : {}) })}`)
  if (mine !== latest) return
  showFaults(state.faults)
  $('#flags').dataset.user = `${user}|${org ?? ''}` // whose flags these are (the tests read it)
  $('#flags').replaceChildren(...state.flags.map((flag) => {
    const control = flagControl(flag, { user, org })
    control.dataset.testid = `control-flag-${flag.key}`
    return el('li', {}, el('code', {}, flag.key), control)
  }))
  const keys = [...new Set([...state.permissionKeys, ...state.permissions])].sort()
  $('#permissions').replaceChildren(...keys.map((key) => {
    const box = el('input', { type: 'checkbox', checked: state.permissions.includes(key) })
    box.dataset.testid = `control-permission-${key}`
    box.onchange = () => call('POST', '/demo/permission', { user, org, key, granted: box.checked }).then(refresh)
    return el('li', {}, el('label', {}, box, el('code', {}, key)))
  }))
}

async function showRequests() {
  const { recent, lastTenSeconds } = await call('GET', '/demo/requests')
  $('#rate').textContent = String(lastTenSeconds)
  $('#requests').replaceChildren(...recent.map((r) => el('li', {},
    el('span', {}, new Date(r.at).toLocaleTimeString([], { hour12: false })),
    el('span', { className: r.status >= 200 && r.status < 300 ? 'ok' : 'bad' }, String(r.status ?? '…')),
    el('span', {}, `${r.method} ${r.path.replace(/^\/(account_api\/v1|oauth2\/v2)/, '')}`),
    el('span', { className: 'hint' }, r.userId ?? ''))))
}

async function start() {
  $('#interval').textContent = String(interval / 1000)
  for (const a of document.querySelectorAll('[data-example]')) a.href = `/${a.dataset.example}/?interval=${interval}`
  users = (await call('GET', '/demo/users')).users
  $('#user').replaceChildren(...users.flatMap((u) => (u.orgs.length ? u.orgs : ['']).map((org) =>
    el('option', { value: `${u.id}|${org}` }, `${u.name} (${u.id})${org ? ` · ${org}` : ''}`))))
  $('#user').onchange = refresh
  for (const button of document.querySelectorAll('[data-fault]')) {
    button.onclick = () => call('POST', '/demo/fault', {
      kind: button.dataset.fault, seconds: Number($('#throttle-seconds').value), ms: Number($('#latency-ms').value),
    }).then(refresh)
  }
  for (const button of document.querySelectorAll('[data-fault-off]')) {
    button.onclick = () => call('POST', '/demo/fault', { kind: button.dataset.faultOff, on: false }).then(refresh)
  }
  $('#reset').onclick = () => call('POST', '/demo/reset').then(refresh)
  $('#grant').onsubmit = (event) => {
    event.preventDefault()
    const { user, org } = selected()
    call('POST', '/demo/permission', { user, org, key: $('#grant-key').value, granted: true }).then(refresh)
    $('#grant').reset()
  }
  await refresh()
  // Follow changes made elsewhere (another control tab, a test).
  setInterval(() => refresh().catch(() => {}), 3000)
  setInterval(() => showRequests().catch(() => {}), 1000)
}

start().catch((error) => {
  document.body.prepend(el('p', { className: 'notice' }, `The demo server did not answer: ${error.message}`))
})
