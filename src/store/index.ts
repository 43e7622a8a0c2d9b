export { createAccountStore } from './create'
export type * from './types'
