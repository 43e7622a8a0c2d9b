import type { KindePkceClientLike, KindeReactAuthLike, KindeSdk, KindeSessionManagerLike } from './types'

export type Detected =
  | { kind: 'session'; sdk: KindeSessionManagerLike }
  | { kind: 'react'; sdk: KindeReactAuthLike }
  | { kind: 'pkce'; sdk: KindePkceClientLike }

const fn = (value: unknown, name: string) =>
  typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)[name] === 'function'

/** Which SDK this is, by shape: React's value has a boolean `isAuthenticated`, pkce-js' a function. */
export function detect(sdk: KindeSdk): Detected {
  if (fn(sdk, 'getSessionItem') && fn(sdk, 'subscribe')) return { kind: 'session', sdk: sdk as KindeSessionManagerLike }
  if (fn(sdk, 'getAccessToken') && fn(sdk, 'refreshToken')
    && typeof (sdk as KindeReactAuthLike).isAuthenticated === 'boolean') return { kind: 'react', sdk: sdk as KindeReactAuthLike }
  if (fn(sdk, 'getAccessToken') && fn(sdk, 'isAuthenticated')) return { kind: 'pkce', sdk: sdk as KindePkceClientLike }
  throw new TypeError('kinde-account-sync/kinde: fromKinde() takes a Kinde session manager (getSessionItem + subscribe), '
    + 'a kinde-auth-pkce-js client or the value of useKindeAuth()')
}
