// kinde-account-sync/devtools: a framework-free panel over a store's public API and its
// `inspect()` (ARCHITECTURE.md, "Adapters"). Load it on demand; the core never imports it.
export { mountDevtools } from './panel'
export type { Devtools, DevtoolsOptions } from './panel'
export type { AnswerSource, DerivedEntry, DiskEntry, DriftLike, InspectableStore, InspectionLike } from './types'
