// Mounting, live updates and the actions. While closed, the panel holds no subscription at all.
import type { AccountStore, ResourceName } from 'kinde-account-sync'
import { h } from './h'
import { morph } from './morph'
import { STYLE } from './style'
import type { DiskEntry, InspectableStore, InspectionLike, Snapshot } from './types'
import { panel } from './view'

const ALL: ResourceName[] = ['profile', 'roles', 'permissions', 'featureFlags', 'properties', 'entitlements']
/** Ages, the cool-down countdown and the disk entries refresh on this beat while open, ms. */
const TICK = 1000

/** Options of {@link mountDevtools}. */
export interface DevtoolsOptions {
  /** Where the panel's host element goes. @default document.body */
  parent?: HTMLElement
  /** Start open rather than as a small button in the corner. @default false */
  open?: boolean
  /**
   * The resources to show. Watching one subscribes to it, and a resource outside the store's own
   * `resources` option syncs while subscribed: pass the same list as the store.
   * @default all six
   */
  resources?: ResourceName[]
}

/** The mounted panel {@link mountDevtools} returns. */
export interface Devtools {
  /** The host element (its shadow root holds the panel). */
  readonly element: HTMLElement
  /** Opens the panel and starts its subscriptions; does nothing when open. */
  open(): void
  /** Closes it to the corner button and ends its subscriptions; does nothing when closed. */
  close(): void
  /** Removes the panel, ends its subscriptions and any offline simulation it started. */
  destroy(): void
}

/**
 * Mounts the devtools panel for `store`: a button in the corner that opens a live view of each
 * resource, the session, the derived values asked so far, claims drift and the entries on disk.
 * Load it on demand (`await import('kinde-account-sync/devtools')`) so that none of it ships in
 * the app's main bundle.
 */
export function mountDevtools(store: AccountStore, options: DevtoolsOptions = {}): Devtools {
  const { parent = document.body, open: startOpen = false, resources = ALL } = options
  const s = store as InspectableStore
  const inspection: InspectionLike | undefined = typeof s.inspect === 'function' ? s.inspect() : undefined
  const host = h('kinde-account-devtools', { 'data-testid': 'devtools' })
  const root = host.attachShadow({ mode: 'open' })
  let isOpen = false
  let simulated: boolean | null = null
  let disk: ReadonlyArray<DiskEntry> | 'loading' | undefined = inspection ? 'loading' : undefined
  let stops: Array<() => void> = []
  let queued = false
  let reading = false
  let readAgain = false

  const snapshot = (): Snapshot => ({
    now: Date.now(),
    resources: resources.map((name) => ({ name, state: store.resource(name).get() })),
    session: store.$session.get(),
    derived: inspection?.derived(),
    drift: s.$drift ? s.$drift.get() : undefined,
    disk,
    simulated,
  })

  root.append(h('style', {}, STYLE), h('i'))
  function render(): void {
    queued = false
    const body = isOpen
      ? panel(snapshot(), { canSimulate: !!inspection })
      : h('button', { type: 'button', class: 'fab', 'data-action': 'open', 'data-testid': 'devtools-open', title: 'kinde-account-sync devtools' }, 'K')
    morph(root.lastChild!, body)
  }
  // Many atoms change in one step (a sign-in touches them all): render once, after the step.
  const schedule = (): void => {
    if (!queued && isOpen) {
      queued = true
      queueMicrotask(render)
    }
  }

  /** Re-reads the disk entries; one read at a time, and one more if asked meanwhile. */
  function readDisk(): void {
    if (!inspection || !isOpen) return
    if (reading) return void (readAgain = true)
    reading = true
    inspection.diskEntries().then((rows) => (disk = rows), () => (disk = [])).finally(() => {
      reading = false
      schedule()
      if (readAgain) {
        readAgain = false
        readDisk()
      }
    })
  }

  function open(): void {
    if (isOpen) return
    isOpen = true
    const timer = setInterval(() => (readDisk(), schedule()), TICK)
    stops = [
      () => clearInterval(timer),
      store.$session.listen(schedule),
      ...resources.map((name) => store.resource(name).$state.listen(schedule)),
      ...(s.$drift ? [s.$drift.listen(schedule)] : []),
      ...(inspection ? [inspection.subscribe(schedule)] : []),
    ]
    readDisk()
    render()
  }

  function close(): void {
    if (!isOpen) return
    isOpen = false
    for (const stop of stops) stop()
    stops = []
    render()
  }

  const actions: Record<string, (button: HTMLElement) => unknown> = {
    open,
    close,
    refresh: (button) => store.resource(button.dataset.resource as ResourceName).refresh(),
    'refresh-all': () => store.refresh(),
    'clear-cache': () => store.clearCache().finally(readDisk),
    offline: () => {
      simulated = simulated ? null : true
      inspection?.simulateOffline(simulated)
      schedule()
    },
  }
  root.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.('[data-action]') as HTMLElement | null
    const act = button && actions[button.dataset.action!]
    if (!act) return
    Promise.resolve(act(button)).catch((error: unknown) => console.warn('[kinde-account-sync devtools]', error))
  })

  parent.append(host)
  if (startOpen) open()
  else render()

  return {
    element: host,
    open,
    close,
    destroy() {
      close()
      if (simulated) inspection?.simulateOffline(null)
      simulated = null
      host.remove()
    },
  }
}
