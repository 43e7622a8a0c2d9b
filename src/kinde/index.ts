// kinde-account-sync/kinde: bridges from Kinde's own SDKs to the store's options.
export { fromKinde } from './from-kinde'
export type {
  FromKindeOptions, KindeBridge, KindePkceClientLike, KindeReactAuthLike, KindeSdk, KindeSessionManagerLike,
} from './types'
export type { ClaimsDrift } from '../store/drift'
