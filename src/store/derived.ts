import { computed, onMount, type ReadableAtom } from 'nanostores'
import type { AccessTokenClaims, FlagValue, ResourceDataMap, ResourceName } from '../models'
import { claimFlags, claimPermissions, claimRoles } from '../token'
import { deepEqual } from './equal'
import { toObservable } from './observable'
import type { Pipeline } from './resource/pipeline'
import type { Derived, HasParams, ResourceState, Widen } from './types'
import { isolateListeners } from './report'
import { answeredByApi } from './resource/state'

type Claims = AccessTokenClaims | null
type Pipelines = { [N in ResourceName]: Pipeline<ResourceDataMap[N]> }

/** Where a derived value's answer came from (shown by `store.inspect()`). */
export type AnswerSource = 'network' | 'tab' | 'claims' | 'cache' | 'fallback'
export type DerivedKind = 'flag' | 'permission' | 'role' | 'entitlement' | 'property' | 'has'

// The source of the answer being computed; each derive() reads it right after its compute.
let answeredFrom: AnswerSource = 'fallback'

/** One answer: from fresh data, the token's claims, persisted data, or the fallback (ARCHITECTURE.md, "Flow"). */
function answer<T, R>(
  state: ResourceState<T> | undefined, fromData: (data: T) => R, fromClaims: () => R | undefined, fallback: R,
): R {
  if (state?.data !== undefined && answeredByApi(state)) {
    answeredFrom = state.source
    return fromData(state.data)
  }
  const claimed = fromClaims()
  if (claimed !== undefined) {
    answeredFrom = 'claims'
    return claimed
  }
  answeredFrom = state?.data !== undefined ? 'cache' : 'fallback'
  return state?.data !== undefined ? fromData(state.data) : fallback
}

/** What `store.inspect()` lists: one line per memoised derived value. */
export interface DerivedEntry { kind: DerivedKind; key: string; value: unknown; from: AnswerSource }

/** A value of another type than the fallback answers the fallback. */
const sameType = (value: unknown, fallback: unknown): boolean => {
  if (value === null || value === undefined) return fallback === null && value === null
  if (typeof value !== typeof fallback) return false
  return typeof value !== 'object' || (fallback !== null && !Array.isArray(value) && !Array.isArray(fallback))
}

/** The token's own flag (a key like 'constructor' must not find Object.prototype's member). */
const ownFlag = (flags: Record<string, FlagValue> | undefined, key: string): FlagValue | undefined =>
  flags && Object.prototype.hasOwnProperty.call(flags, key) ? flags[key] : undefined

export function createDerivedValues(pipelines: Pipelines, $claims: ReadableAtom<Claims>, changed: () => void = () => {}) {
  const memo = new Map<string, { derived: Derived<any>; entry: DerivedEntry }>()

  // `extra` tells apart values of one key that answer differently (a flag's fallback, say)
  function derive<T>(kind: DerivedKind, key: string, extra: string | undefined, names: ResourceName[],
    compute: (states: any[], claims: Claims) => T): Derived<T> {
    const memoKey = JSON.stringify([kind, key, extra]) // a key may hold any character, '|' included
    const hit = memo.get(memoKey)
    if (hit) return hit.derived
    const entry: DerivedEntry = { kind, key, value: undefined, from: 'fallback' }
    const atoms = names.map((n) => pipelines[n].$state)
    const $value = isolateListeners(computed([...atoms, $claims] as ReadableAtom<unknown>[], (...values: unknown[]) => {
      answeredFrom = 'fallback'
      const value = compute(values.slice(0, names.length), values[names.length] as Claims)
      if (entry.value !== value || entry.from !== answeredFrom) {
        entry.value = value
        entry.from = answeredFrom
        changed()
      }
      return value
    }))
    // rule 11: freed after its last subscriber leaves (nanostores unmounts a second later)
    onMount($value, () => () => {
      if (memo.get(memoKey)?.derived === derived) memo.delete(memoKey)
      changed()
    })
    const derived: Derived<T> = {
      $value,
      value$: toObservable($value),
      get: () => $value.get(),
      settled: () =>
        Promise.all(names.map((n) => (pipelines[n].active() ? pipelines[n].firstSettled() : undefined)))
          .then(() => $value.get(), () => $value.get()),
    }
    memo.set(memoKey, { derived, entry })
    changed()
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
    /** The memoised derived values now, for `store.inspect()`. */
    entries: (): DerivedEntry[] => [...memo.values()].map((m) => ({ ...m.entry, value: m.derived.get() })),
    flag<F>(key: string, fallback: F): Derived<Widen<F>> {
      return derive('flag', key, JSON.stringify(fallback), ['featureFlags'], ([s], claims) => {
        const value = flagOf(s, claims, key)
        return (sameType(value, fallback) ? value : fallback) as Widen<F>
      })
    },
    property<F>(key: string, fallback: F): Derived<Widen<F>> {
      return derive('property', key, JSON.stringify(fallback), ['properties'], ([s]) => {
        const value = answer<ResourceDataMap['properties'], unknown>(
          s, (d) => d.properties.find((p) => p.key === key)?.value, () => undefined, undefined)
        return (sameType(value, fallback) ? value : fallback) as Widen<F>
      })
    },
    hasPermission: (key: string) => derive('permission', key, undefined, ['permissions'], ([s], c) => hasPermission(s, c, key)),
    hasRole: (key: string) => derive('role', key, undefined, ['roles'], ([s], c) => hasRole(s, c, key)),
    hasEntitlement: (key: string) => derive('entitlement', key, undefined, ['entitlements'], ([s]) => hasEntitlement(s, key)),
    has(params: HasParams): Derived<boolean> {
      const { permissions = [], roles = [], featureFlags = [], billingEntitlements = [] } = params
      return derive('has', JSON.stringify([permissions, roles, featureFlags, billingEntitlements]), undefined,
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
