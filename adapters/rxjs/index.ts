// kinde-account-sync/rxjs: real rxjs Observables (with .pipe) over the store (ARCHITECTURE.md, "Adapters").
// rxjs is this entry's optional peer dependency; the core's `state$`/`value$`/`session$` need no rxjs.
export { fromAtom, fromDerived, fromResource, fromSession } from './observables'
export type { AtomLike } from './observables'
