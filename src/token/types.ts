export type { AccessTokenClaims, Identity } from '../models'
