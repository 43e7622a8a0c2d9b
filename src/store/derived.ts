import { computed, type ReadableAtom } from 'nanostores'
import type { FlagValue, ResourceDataMap, ResourceName } from '../client/models'
import { claimFlags, claimPermissions, claimRoles } from '../token'
import type { AccessTokenClaims } from '../token/types'
import { deepEqual } from './equal'
import { toObservable } from './observable'
import type { Pipeline } from './resource'
import type { Derived, HasParams, ResourceState, Widen } from './types'

type Claims = AccessTokenClaims | null
type Pipelines = { [N in ResourceName]: Pipeline<ResourceDataMap[N]> }

/** One answer: from fresh data, the token's claims, persisted data, or the fallback (DESIGN.md §5). */
function answer<T, R>(
  state: ResourceState<T> | undefined, fromData: (data: T) => R, fromClaims: () => R | undefined, fallback: R,
): R {
  if (state?.data !== undefined && (state.source === 'network' || state.source === 'tab')) return fromData(state.data)
  const claimed = fromClaims()
  if (claimed !== undefined) return claimed
  if (state?.data !== undefined) return fromData(state.data)
  return fallback
}

/** A value of another type than the fallback answers the fallback. */
const sameType = (value: unknown, fallback: unknown): boolean => {
  if (value === null || value === undefined) return fallback === null && value === null
  if (typeof value !== typeof fallback) return false
  return typeof value !== 'object' || (fallback !== null && !Array.isArray(value) && !Array.isArray(fallback))
}

/** The token's own flag (a key like 'constructor' must not find Object.prototype's member). */
const ownFlag = (flags: Record<string, FlagValue> | undefined, key: string): FlagValue | undefined =>
  flags && Object.prototype.hasOwnProperty.call(flags, key) ? flags[key] : undefined

export function createDerivedValues(pipelines: Pipelines, $claims: ReadableAtom<Claims>) {
  const memo = new Map<string, Derived<any>>()

  function derive<T>(memoKey: string, names: ResourceName[], compute: (states: any[], claims: Claims) => T): Derived<T> {
    const hit = memo.get(memoKey)
    if (hit) return hit
    const atoms = names.map((n) => pipelines[n].$state)
    const $value = computed([...atoms, $claims] as ReadableAtom<unknown>[], (...values: unknown[]) =>
      compute(values.slice(0, names.length), values[names.length] as Claims))
    const derived: Derived<T> = {
      $value,
      value$: toObservable($value),
      get: () => $value.get(),
      settled: () =>
        Promise.all(names.map((n) => (pipelines[n].active() ? pipelines[n].firstSettled() : undefined)))
          .then(() => $value.get(), () => $value.get()),
    }
    memo.set(memoKey, derived)
    return derived
  }

  const flagOf = (state: ResourceState<ResourceDataMap['featureFlags']> | undefined, claims: Claims, key: string) =>
    answer<ResourceDataMap['featureFlags'], FlagValue | undefined>(
      state, (d) => d.featureFlags.find((f) => f.key === key)?.value, () => ownFlag(claimFlags(claims), key), undefined)
  const hasPermission = (state: ResourceState<ResourceDataMap['permissions']> | undefined, claims: Claims, key: string) =>
    answer(state, (d) => d.permissions.some((p) => p.key === key), () => claimPermissions(claims)?.includes(key), false)
  const hasRole = (state: ResourceState<ResourceDataMap['roles']> | undefined, claims: Claims, key: string) =>
    answer(state, (d) => d.roles.some((r) => r.key === key), () => claimRoles(claims)?.includes(key), false)
  const hasEntitlement = (state: ResourceState<ResourceDataMap['entitlements']> | undefined, key: string, byPrice = false) =>
    answer(state, (d) => d.entitlements.some((e) => e.featureKey === key || (byPrice && e.priceName === key)), () => undefined, false)

  return {
    flag<F>(key: string, fallback: F): Derived<Widen<F>> {
      return derive(`flag|${key}|${JSON.stringify(fallback)}`, ['featureFlags'], ([s], claims) => {
        const value = flagOf(s, claims, key)
        return (sameType(value, fallback) ? value : fallback) as Widen<F>
      })
    },
    property<F>(key: string, fallback: F): Derived<Widen<F>> {
      return derive(`property|${key}|${JSON.stringify(fallback)}`, ['properties'], ([s]) => {
        const value = answer<ResourceDataMap['properties'], unknown>(
          s, (d) => d.properties.find((p) => p.key === key)?.value, () => undefined, undefined)
        return (sameType(value, fallback) ? value : fallback) as Widen<F>
      })
    },
    hasPermission: (key: string) => derive(`perm|${key}`, ['permissions'], ([s], c) => hasPermission(s, c, key)),
    hasRole: (key: string) => derive(`role|${key}`, ['roles'], ([s], c) => hasRole(s, c, key)),
    hasEntitlement: (key: string) => derive(`ent|${key}`, ['entitlements'], ([s]) => hasEntitlement(s, key)),
    has(params: HasParams): Derived<boolean> {
      const { permissions = [], roles = [], featureFlags = [], billingEntitlements = [] } = params
      return derive(`has|${JSON.stringify([permissions, roles, featureFlags, billingEntitlements])}`,
        ['permissions', 'roles', 'featureFlags', 'entitlements'], ([p, r, f, e], c) =>
          permissions.every((k) => hasPermission(p, c, k)) &&
          roles.every((k) => hasRole(r, c, k)) &&
          featureFlags.every((flag) => {
            if (typeof flag === 'string') {
              const value = flagOf(f, c, flag)
              return typeof value === 'boolean' ? value : value !== undefined
            }
            const value = flagOf(f, c, flag.flag)
            return value !== undefined && deepEqual(value, flag.value)
          }) &&
          billingEntitlements.every((k) => hasEntitlement(e, k, true)))
    },
  }
}
