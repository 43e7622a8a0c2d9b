// Public exports only (ARCHITECTURE.md, "Layout"). Each folder's index decides what it exposes.
export * from './client'
export * from './token'
export * from './store'
export * from './persist'
