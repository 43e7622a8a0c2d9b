// Public exports only (DESIGN.md §2). Each folder's index decides what it exposes.
export * from './client'
export * from './token'
export * from './store'
export * from './persist'
