import type { AccountStore } from 'kinde-account-sync'
import { listSignInChoices, signIn } from '../../shared/demo'
import { avatar, h } from './h'

/** The signed-out view: one button per mock user. */
export function userPicker(store: AccountStore, into: HTMLElement): void {
  const notice = h('p', { class: 'notice', hidden: true })
  const users = h('ul', { class: 'users' })
  const fail = (error: unknown) => {
    notice.textContent = String(error)
    notice.hidden = false
  }
  into.append(h('section', { class: 'picker', 'data-testid': 'user-picker' },
    h('h1', {}, "Sign in as one of the mock's users"),
    h('p', {}, 'The demo server issues a real signed token; the app keeps it in memory only.'),
    notice, users))

  listSignInChoices().then((list) => users.replaceChildren(...list.map(({ user, org, testId }) => h('li', {},
    h('button', { class: 'user', 'data-testid': testId, onclick: () => signIn(store, user.id, org).catch(fail) },
      avatar(user.name, user.picture),
      h('span', {}, h('strong', {}, user.name), h('small', {}, `${user.email ?? ''} · ${org ?? 'no org'}`)))))), fail)
}
