import { useSession } from 'kinde-account-sync/react'
import { AccountView } from './AccountView'
import { SessionBar } from './SessionBar'
import { UserPicker } from './UserPicker'

export function App() {
  const session = useSession()
  return (
    <div className="app">
      <SessionBar />
      {session.status === 'signed-in' ? <AccountView /> : <UserPicker />}
    </div>
  )
}
