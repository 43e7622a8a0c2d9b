import { useEffect, useState } from 'react'
import { useAccountStore } from 'kinde-account-sync/react'
import { listSignInChoices, signIn, type SignInChoice } from '../../shared/demo'
import { initials } from '../../shared/format'

export function UserPicker() {
  const store = useAccountStore()
  const [choices, setChoices] = useState<SignInChoice[]>([])
  const [problem, setProblem] = useState('')
  useEffect(() => {
    let live = true
    listSignInChoices().then((list) => live && setChoices(list), (error) => live && setProblem(String(error)))
    return () => void (live = false)
  }, [])

  const pick = ({ user, org }: SignInChoice) => signIn(store, user.id, org).catch((error) => setProblem(String(error)))

  return (
    <section className="picker" data-testid="user-picker">
      <h1>Sign in as one of the mock's users</h1>
      <p>The demo server issues a real signed token; the app keeps it in memory only.</p>
      {problem && <p className="notice">{problem}</p>}
      <ul className="users">
        {choices.map((choice) => (
          <li key={choice.testId}>
            <button className="user" data-testid={choice.testId} onClick={() => void pick(choice)}>
              <span className="avatar">
                {initials(choice.user.name)}
                {choice.user.picture && <img src={choice.user.picture} alt="" onError={(e) => void (e.currentTarget.hidden = true)} />}
              </span>
              <span><strong>{choice.user.name}</strong><small>{choice.user.email} · {choice.org ?? 'no org'}</small></span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
