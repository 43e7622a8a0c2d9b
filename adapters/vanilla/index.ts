// kinde-account-sync/vanilla: plain-JS helpers over the core store (DESIGN.md §8).
export { watch, when } from './watch'
export { bind } from './bind'
export type { Source, SourceValue, Subscribable } from './source'
