import { bind } from 'kinde-account-sync/vanilla'
import '../../shared/style.css'
import { h } from './h'
import { sessionBar } from './session-bar'
import { accountView } from './account-view'
import { resumeElsewhereSession, startKinde } from './kinde'
import { userPicker } from './user-picker'

async function main() {
  // One store for the page, fed by Kinde's SDK.
  const store = await startKinde()
  const view = h('div')
  document.getElementById('app')!.append(h('div', { class: 'app' }, sessionBar(store), view))

  // Swap the picker and the account view when the session's status changes; the views'
  // own bindings end when they leave the document.
  let shown: string | undefined
  bind(view, store.$session, (session) => {
    if (session.status === shown) return
    shown = session.status
    view.replaceChildren()
    if (session.status === 'signed-in') accountView(store, view)
    else userPicker(view)
  })
  await resumeElsewhereSession()
}

main().catch((error) => console.error('[vanilla example]', error))
