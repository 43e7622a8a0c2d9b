import { useEffect, useState } from 'react'
import { useAccountStore } from 'kinde-account-sync/react'
import type { Devtools } from 'kinde-account-sync/devtools'

/** Opens the devtools panel, loaded only on the first click (or with `?devtools` in the URL). */
export function DevtoolsToggle() {
  const store = useAccountStore()
  const [panel, setPanel] = useState<Devtools | null>(null)
  const [wanted, setWanted] = useState(() => new URLSearchParams(location.search).has('devtools'))

  useEffect(() => {
    if (!wanted) return
    let live = true
    let mounted: Devtools | undefined
    void import('kinde-account-sync/devtools').then(({ mountDevtools }) => {
      if (!live) return
      mounted = mountDevtools(store, { open: true })
      setPanel(mounted)
    })
    return () => {
      live = false
      mounted?.destroy()
      setPanel(null)
    }
  }, [wanted, store])

  return (
    <button className="chip" data-testid="devtools-toggle" data-open={String(!!panel)} onClick={() => setWanted((w) => !w)}>
      {panel ? 'hide devtools' : 'devtools'}
    </button>
  )
}
