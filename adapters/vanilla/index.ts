// kinde-account-sync/vanilla: plain-JS helpers over the core store (ARCHITECTURE.md, "Adapters").
export { watch, when } from './watch'
export { bind } from './bind'
export type { Source, SourceValue, Subscribable } from './source'
