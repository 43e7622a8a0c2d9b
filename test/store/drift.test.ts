import { describe, expect, test, vi } from 'vitest'
import { compareClaims, createDrift, type ClaimsDrift, type DriftApiData } from '../../src/store/drift'
import type { AccessTokenClaims } from '../../src/token/types'

const claims = (over: Partial<AccessTokenClaims> = {}): AccessTokenClaims => ({
  iss: 'https://x.kinde.com', sub: 'kp_1', permissions: ['read'], roles: [{ key: 'member' }],
  feature_flags: { beta: { t: 'b', v: true }, tier: { t: 's', v: 'gold' } }, ...over,
})
const perm = (key: string) => ({ id: null, key, name: null })
const api = (over: { permissions?: string[]; roles?: string[]; flags?: Record<string, unknown> } = {}): DriftApiData => ({
  permissions: { orgCode: null, permissions: (over.permissions ?? ['read']).map(perm) },
  roles: { orgCode: null, roles: (over.roles ?? ['member']).map(perm) },
  featureFlags: { featureFlags: Object.entries(over.flags ?? { beta: true, tier: 'gold' })
    .map(([key, value]) => ({ id: null, key, name: null, type: typeof value, value: value as never })) },
})
const NONE: ClaimsDrift = { permissions: { added: [], removed: [] }, roles: { added: [], removed: [] }, featureFlags: { changed: [] } }
const ALL = ['profile', 'permissions', 'roles', 'featureFlags', 'properties', 'entitlements']

describe('compareClaims', () => {
  test('agreeing claims and API: empty lists', () => {
    expect(compareClaims(claims(), api())).toEqual(NONE)
  })

  test('added is what the API has and the claims lack; removed the other way round (sorted)', () => {
    const drift = compareClaims(claims({ permissions: ['read', 'old'], roles: [{ key: 'member' }] }),
      api({ permissions: ['write', 'read', 'admin'], roles: [] }))
    expect(drift.permissions).toEqual({ added: ['admin', 'write'], removed: ['old'] })
    expect(drift.roles).toEqual({ added: [], removed: ['member'] })
  })

  test('a flag changes when its value differs or only one side has it; object flags compare deeply', () => {
    const c = claims({ feature_flags: { beta: { t: 'b', v: true }, tier: { t: 's', v: 'gold' }, gone: { t: 'i', v: 1 },
      cfg: { t: 'j', v: { a: 1 } } } })
    const drift = compareClaims(c, api({ flags: { beta: false, tier: 'gold', fresh: 'x', cfg: { a: 1 } } }))
    expect(drift.featureFlags.changed).toEqual(['beta', 'fresh', 'gone'])
  })

  test("Hasura-mapped claims count; a claim the token does not carry says nothing", () => {
    expect(compareClaims({ 'x-hasura-permissions': ['a'] }, api({ permissions: ['a', 'b'] })).permissions.added).toEqual(['b'])
    expect(compareClaims({ sub: 'kp_1' }, api({ permissions: ['a'] }))).toEqual(NONE)
  })
})

describe('createDrift', () => {
  test('null until every compared resource answered, then the drift; each change emitted once', () => {
    const drift = createDrift({ resources: ALL })
    const seen: (ClaimsDrift | null)[] = []
    drift.$drift.subscribe((d) => seen.push(d))
    const { permissions } = api({ permissions: ['read', 'write'] })
    drift.update({ identity: 'u1', claims: claims(), api: { permissions } })
    expect(drift.$drift.get()).toBeNull()
    drift.update({ identity: 'u1', claims: claims(), api: { ...api(), permissions } })
    drift.update({ identity: 'u1', claims: claims(), api: { ...api(), permissions } }) // same: no emission
    drift.update({ identity: 'u1', claims: claims({ permissions: ['read', 'write'] }), api: { ...api(), permissions } })
    expect(seen).toEqual([null, { ...NONE, permissions: { added: ['write'], removed: [] } }, NONE])
  })

  test('only the synced resources are waited for', () => {
    const drift = createDrift({ resources: ['permissions'] })
    drift.update({ identity: 'u1', claims: claims(), api: { permissions: api({ permissions: ['x'] }).permissions } })
    expect(drift.$drift.get()!.permissions.added).toEqual(['x'])
    const none = createDrift({ resources: ['profile'] })
    none.update({ identity: 'u1', claims: claims(), api: api() })
    expect(none.$drift.get()).toBeNull()
  })

  test('signed out or a new identity: back to null until that identity answers', () => {
    const drift = createDrift({ resources: ALL })
    drift.update({ identity: 'u1', claims: claims(), api: api() })
    expect(drift.$drift.get()).toEqual(NONE)
    drift.update({ identity: 'u2', claims: claims(), api: {} })
    expect(drift.$drift.get()).toBeNull()
    drift.update({ identity: null, claims: null, api: api() })
    expect(drift.$drift.get()).toBeNull()
  })

  test('onDrift is called once per episode; an episode ends when drift is empty or the identity changes', () => {
    const onDrift = vi.fn()
    const drift = createDrift({ resources: ALL, onDrift })
    const granted = api({ permissions: ['read', 'write'] })
    drift.update({ identity: 'u1', claims: claims(), api: granted })
    drift.update({ identity: 'u1', claims: claims(), api: api({ permissions: ['read', 'write', 'more'] })}) // same episode
    expect(onDrift).toHaveBeenCalledTimes(1)
    expect(onDrift.mock.calls[0]![0].permissions.added).toEqual(['write'])
    drift.update({ identity: 'u1', claims: claims({ permissions: ['read', 'write'] }), api: granted }) // caught up
    drift.update({ identity: 'u1', claims: claims(), api: granted }) // drifts again: a new episode
    expect(onDrift).toHaveBeenCalledTimes(2)
    drift.update({ identity: 'u2', claims: claims(), api: granted }) // another identity: another episode
    expect(onDrift).toHaveBeenCalledTimes(3)
    drift.update({ identity: 'u2', claims: claims(), api: {} }) // waiting for the API keeps the episode
    drift.update({ identity: 'u2', claims: claims(), api: granted })
    expect(onDrift).toHaveBeenCalledTimes(3)
  })

  test('an onDrift that throws or rejects is reported, and the drift is still published', async () => {
    const reportError = vi.fn()
    const drift = createDrift({ resources: ALL, reportError, onDrift: () => { throw new Error('sync') } })
    drift.update({ identity: 'u1', claims: claims(), api: api({ permissions: [] }) })
    expect(drift.$drift.get()!.permissions.removed).toEqual(['read'])
    const rejecting = createDrift({ resources: ALL, reportError, onDrift: () => Promise.reject(new Error('async')) })
    rejecting.update({ identity: 'u1', claims: claims(), api: api({ permissions: [] }) })
    await Promise.resolve()
    await Promise.resolve()
    expect(reportError.mock.calls.map(([e]) => (e as Error).message)).toEqual(['sync', 'async'])
  })

  test('drift$ replays the current value', () => {
    const drift = createDrift({ resources: ALL })
    drift.update({ identity: 'u1', claims: claims(), api: api() })
    const next = vi.fn()
    drift.drift$.subscribe(next).unsubscribe()
    expect(next).toHaveBeenCalledWith(NONE)
  })
})
