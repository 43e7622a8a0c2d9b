import { bind } from 'kinde-account-sync/vanilla'
import { createDemoStore, resumeSession } from '../../shared/demo'
import '../../shared/style.css'
import { h } from './h'
import { sessionBar } from './session-bar'
import { accountView } from './account-view'
import { userPicker } from './user-picker'

// One store for the page.
const store = createDemoStore()
const main = h('div')
document.getElementById('app')!.append(h('div', { class: 'app' }, sessionBar(store), main))

// Swap the picker and the account view when the session's status changes; the views'
// own bindings end when they leave the document.
let shown: string | undefined
bind(main, store.$session, (session) => {
  if (session.status === shown) return
  shown = session.status
  main.replaceChildren()
  if (session.status === 'signed-in') accountView(store, main)
  else userPicker(store, main)
})
resumeSession(store)
