import { atom, type ReadableAtom } from 'nanostores'
import type { FeatureFlagsData, PermissionsData, RolesData } from '../client/models'
import { claimFlags, claimPermissions, claimRoles } from '../token/claims'
import type { AccessTokenClaims } from '../token/types'
import { deepEqual } from './equal'
import { toObservable } from './observable'
import { isolateListeners, report } from './report'

/**
 * Where the token's claims disagree with the Account API for the current identity. `added`: the
 * API has it and the claims lack it; `removed`: the claims have it and the API does not;
 * `changed`: a flag whose claim value differs from the API's, or that only one side has.
 */
export interface ClaimsDrift {
  /** Permission keys, sorted: `added` the API has and the claims lack, `removed` the reverse. Both empty when the token has no permissions claim. */
  permissions: { added: string[]; removed: string[] }
  /** Role keys, sorted: `added` the API has and the claims lack, `removed` the reverse. Both empty when the token has no roles claim. */
  roles: { added: string[]; removed: string[] }
  /** `changed`: flag keys, sorted, whose claimed value differs from the API's or that only one side has. Empty when the token has no flags claim. */
  featureFlags: { changed: string[] }
}

/** The API's side: each present once this session fetched it (network or another tab, not disk). */
export interface DriftApiData {
  permissions?: PermissionsData
  roles?: RolesData
  featureFlags?: FeatureFlagsData
}

const sorted = (keys: Iterable<string>) => [...new Set(keys)].sort()

function diffKeys(claimed: string[] | undefined, api: string[] | undefined) {
  // A claim the token does not carry at all says nothing: no drift either way.
  if (!claimed || !api) return { added: [], removed: [] }
  const have = new Set(claimed)
  const truth = new Set(api)
  return { added: sorted(api.filter((k) => !have.has(k))), removed: sorted(claimed.filter((k) => !truth.has(k))) }
}

/** Pure: the drift between the claims and whatever API data is given. */
export function compareClaims(claims: AccessTokenClaims | null, api: DriftApiData): ClaimsDrift {
  const flags = claimFlags(claims)
  const changed: string[] = []
  if (flags && api.featureFlags) {
    const values = new Map(api.featureFlags.featureFlags.map((f) => [f.key, f.value]))
    for (const [key, value] of values) if (!(key in flags) || !deepEqual(flags[key], value)) changed.push(key)
    for (const key of Object.keys(flags)) if (!values.has(key)) changed.push(key)
  }
  return {
    permissions: diffKeys(claimPermissions(claims), api.permissions?.permissions.map((p) => p.key)),
    roles: diffKeys(claimRoles(claims), api.roles?.roles.map((r) => r.key)),
    featureFlags: { changed: sorted(changed) },
  }
}

export const isEmptyDrift = (d: ClaimsDrift): boolean => d.permissions.added.length + d.permissions.removed.length
  + d.roles.added.length + d.roles.removed.length + d.featureFlags.changed.length === 0

export type Compared = 'permissions' | 'roles' | 'featureFlags'
const COMPARED: readonly Compared[] = ['permissions', 'roles', 'featureFlags']

export interface DriftOptions {
  /** Which of permissions, roles and featureFlags the store syncs; only those are waited for and compared. */
  resources: readonly string[]
  /** Called once per drift episode: from drift becoming non-empty until it is empty or the identity changes. */
  onDrift?: (drift: ClaimsDrift) => void | Promise<void>
  /** Where an `onDrift` that throws or rejects goes. @default globalThis.reportError, else console.error */
  reportError?: (error: unknown) => void
}

export interface DriftInput {
  /** The current identity (any stable key), null when signed out. */
  identity: string | null
  claims: AccessTokenClaims | null
  api: DriftApiData
}

/**
 * `$drift`/`drift$` for the store: null until the API has answered every compared resource for
 * the current identity, then the comparison. The store calls `update()` whenever the token, the
 * identity or one of the three resources changes; updates that change nothing emit nothing.
 */
export function createDrift({ resources, onDrift, reportError = report }: DriftOptions) {
  const compared = COMPARED.filter((name) => resources.includes(name))
  const $drift = isolateListeners(atom<ClaimsDrift | null>(null))
  let identity: string | null = null
  let inEpisode = false

  function update(input: DriftInput): void {
    if (input.identity !== identity) {
      identity = input.identity
      inEpisode = false
    }
    const answered = input.identity !== null && compared.length > 0 && compared.every((name) => input.api[name] !== undefined)
    const next = answered ? compareClaims(input.claims, input.api) : null
    if (!deepEqual(next, $drift.get())) $drift.set(next)
    const drifting = next !== null && !isEmptyDrift(next)
    if (drifting && !inEpisode && onDrift) {
      inEpisode = true
      try {
        void Promise.resolve(onDrift(next)).catch(reportError)
      } catch (error) {
        reportError(error)
      }
    } else if (!drifting && next !== null) {
      inEpisode = false
    } else if (drifting) {
      inEpisode = true
    }
  }

  // compared: which of the three it waits for and compares (those the store syncs), for the store to listen to
  return { $drift: $drift as ReadableAtom<ClaimsDrift | null>, drift$: toObservable($drift), update, compared }
}
