import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { AccountProvider } from 'kinde-account-sync/react'
import { createDemoStore, resumeSession } from '../../shared/demo'
import '../../shared/style.css'
import { App } from './App'

// One store for the app, created outside React and given to every hook by the provider.
const store = createDemoStore()
createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <AccountProvider store={store}>
      <App />
    </AccountProvider>
  </StrictMode>,
)
resumeSession(store)
