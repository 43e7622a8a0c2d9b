import { listSignInChoices } from '../../shared/demo'
import { avatar, h } from './h'
import { signIn } from './kinde'

/** The signed-out view: Kinde's sign-in page, or one shortcut per mock user (`login_hint`). */
export function userPicker(into: HTMLElement): void {
  const notice = h('p', { class: 'notice', hidden: true })
  const users = h('ul', { class: 'users' })
  const fail = (error: unknown) => {
    notice.textContent = String(error)
    notice.hidden = false
  }
  into.append(h('section', { class: 'picker', 'data-testid': 'user-picker' },
    h('h1', {}, 'Sign in with Kinde'),
    h('p', {}, h('button', { class: 'primary', 'data-testid': 'signin-kinde', onclick: () => signIn().catch(fail) },
      "Sign in with Kinde's page")),
    h('p', {}, "Kinde's SDK (kinde-auth-pkce-js) signs in against the mock's OAuth endpoints. "
      + 'Or skip its page with a login hint:'),
    notice, users))

  listSignInChoices().then((list) => users.replaceChildren(...list.map(({ user, org, testId }) => h('li', {},
    h('button', { class: 'user', 'data-testid': testId, onclick: () => signIn({ userId: user.id, email: user.email, org }).catch(fail) },
      avatar(user.name, user.picture),
      h('span', {}, h('strong', {}, user.name), h('small', {}, `${user.email ?? ''} · ${org ?? 'no org'}`)))))), fail)
}
