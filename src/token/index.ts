export { decodeClaims, isExpired } from './decode'
export { identityOf, identityKey, sameIdentity } from './identity'
export { claimPermissions, claimRoles, claimFlags } from './claims'
export type { AccessTokenClaims, Identity } from './types'
