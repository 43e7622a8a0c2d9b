export type { TabMessage, TabSync, TabSyncOptions } from './types'
export { createTabSync } from './sync'
