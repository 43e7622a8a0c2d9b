export type { TabFailure, TabMessage, TabSnapshotExtras, TabSync, TabSyncOptions } from './types'
export { createTabSync } from './sync'
