import type { StoreConfig } from './options'
import type { Resources } from './resources'
import type { Session } from './session'
import type { TabSlot } from './switch'

/** Focus and reconnect (ARCHITECTURE.md, rule 9): revalidate what is older than 30 s. Returns the stop. */
export function watchSignals(
  config: Pick<StoreConfig, 'visibility' | 'online' | 'refetchOnFocus' | 'refetchOnReconnect' | 'revalidateAge'>,
  session: Pick<Session, 'patch'>, resources: Pick<Resources, 'active'>, tabs: TabSlot,
): () => void {
  const { revalidateAge } = config
  const stopVisibility = config.visibility.subscribe((visible) => {
    tabs.current?.setVisible?.(visible)
    if (visible && config.refetchOnFocus) for (const p of resources.active()) p.revalidate(revalidateAge)
  })
  const stopOnline = config.online.subscribe((isOnline) => {
    session.patch({ online: isOnline })
    // After a reconnect, fetches missed while offline always run; fresh-enough data only with the option.
    if (isOnline) for (const p of resources.active()) p.revalidate(config.refetchOnReconnect ? revalidateAge : Infinity)
  })
  return () => {
    stopVisibility()
    stopOnline()
  }
}
