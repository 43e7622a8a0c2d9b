import { atom, onMount } from 'nanostores'
import type { AccountApiError } from '../client/errors'
import type { PersistedEntry } from '../persist/types'
import { createIntervalTimer } from '../schedule/timer'
import { attemptCycle } from './attempt'
import type { PipelineContext } from './context'
import { deepEqual } from './equal'
import type { Fetcher } from './fetchers'
import { toObservable } from './observable'
import { idleState, reduce, sameState, type ResourceAction } from './state'
import type { Resource, ResourceState } from './types'

/** A Resource plus the handles the store drives it with. */
export interface Pipeline<T> extends Resource<T> {
  /** Persist and tab key: the resource name, or `entitlement:<key>`. */
  readonly key: string
  /** Synced now: eager resources while signed in, on-demand ones while subscribed. */
  active(): boolean
  /** Identity change: abort what runs, then clear (signed out) or show `loading` (a new identity). */
  reset(signedIn: boolean): void
  /** One attempt cycle (retries included), shared by every caller while it runs. */
  run(): Promise<ResourceState<T>>
  /** Focus / reconnect: refetch when the data is older than `minAge` ms or a fetch was missed offline. */
  revalidate(minAge: number): void
  hydrate(entry: PersistedEntry): void
  applyTab(entry: PersistedEntry): void
  /** The leader's attempt failed: show its error as ours (a follower does not fetch meanwhile). */
  applyTabError?(error: AccountApiError): void
  /** Resolves when the first attempt cycle of the current identity has settled. */
  firstSettled(): Promise<void>
  destroy(): void
}

export interface PipelineOptions<T> {
  key: string
  path: string
  fetch: Fetcher<T>
  /** true: synced whenever signed in; false: only while `$state` has subscribers (1 s grace). */
  eager: boolean
  /** Called when an on-demand resource gains its first subscriber. */
  onActivate?: () => void
}


export function createPipeline<T>(ctx: PipelineContext, options: PipelineOptions<T>): Pipeline<T> {
  const { key, path, fetch, eager } = options
  const $state = atom<ResourceState<T>>(idleState())
  let mounted = eager
  let destroyed = false
  let inflight: Promise<ResourceState<T>> | null = null
  let controller: AbortController | null = null
  let missed = false
  let settle: { epoch: number; promise: Promise<void>; resolve: () => void } | null = null

  const dispatch = (action: ResourceAction<T>): void => {
    const prev = $state.value!
    const next = reduce(prev, action)
    if (!sameState(prev, next)) $state.set(next)
  }
  const active = (): boolean => mounted && !destroyed && ctx.signedIn()

  const timer = createIntervalTimer(() => {
    const { updatedAt } = $state.value!
    if (ctx.refreshInterval !== false && updatedAt !== undefined) {
      dispatch({ type: 'age', stale: ctx.now() - updatedAt >= ctx.refreshInterval })
    }
    if (active() && ctx.canPoll()) void run()
    // Paused by an unauthorized token: send nothing, but the tick still re-reads a function
    // source, so a token the SDK refreshed on its own resumes the store ("Tokens").
    else if (active() && ctx.paused()) void ctx.prepare(ctx.epoch())
  })
  const poll = (): void => {
    if (ctx.refreshInterval !== false && active() && !timer.running) timer.start(ctx.refreshInterval)
  }

  const settleFor = (epoch: number) => {
    if (!settle || settle.epoch !== epoch) {
      let resolve!: () => void
      const promise = new Promise<void>((r) => (resolve = r))
      settle?.resolve()
      settle = { epoch, promise, resolve }
    }
    return settle
  }

  function run(): Promise<ResourceState<T>> {
    if (inflight) return inflight
    if (destroyed || !ctx.signedIn()) return Promise.resolve($state.value!)
    const epoch = ctx.epoch()
    const ac = new AbortController()
    const mine = settleFor(epoch)
    const promise: Promise<ResourceState<T>> = attemptCycle<T>(ctx, {
      key, path, fetch, epoch, signal: ac.signal, dispatch,
      data: () => $state.value!.data,
      dead: () => destroyed || ac.signal.aborted || epoch !== ctx.epoch(),
      missed: (value) => { missed = value },
      // resume by itself once the shared cool-down ends (state table, 429 row)
      resumeAfterCooldown: () => { void ctx.gate.whenOpen().then(() => { if (epoch === ctx.epoch() && active()) void run() }) },
    })
      .catch(() => {}) // rule 10: nothing escapes as an unhandled rejection
      .then(() => {
        if (inflight === promise) { inflight = null; controller = null }
        mine.resolve()
        return $state.value!
      })
    inflight = promise
    controller = ac
    return promise
  }

  function refresh(): Promise<ResourceState<T>> {
    if (destroyed || !ctx.signedIn()) return Promise.resolve($state.value!)
    if (!ctx.online.get()) {
      missed = true
      return Promise.resolve($state.value!)
    }
    const epoch = ctx.epoch()
    const asked = ctx.askLeader(key)
    if (!asked) return run()
    return asked.then((entry) => {
      if (epoch !== ctx.epoch() || destroyed) return $state.value!
      if (entry) applyTab(entry)
      return entry === undefined ? run() : $state.value! // no answer within 2 s: fetch ourselves
    }, () => run())
  }

  function applyTab(entry: PersistedEntry): void {
    if (!ctx.signedIn() || destroyed) return
    const current = $state.value!
    // an older state (a slow snapshot, say) never replaces fresher data of this session
    if (current.source !== 'cache' && current.updatedAt !== undefined && entry.updatedAt < current.updatedAt) return
    // the leader's answer settles this identity's first cycle as well as our own fetch would
    if (settle?.epoch === ctx.epoch()) settle.resolve()
    const prev = current.data
    const data = (prev !== undefined && deepEqual(prev, entry.data) ? prev : entry.data) as T
    dispatch({ type: 'success', data, updatedAt: entry.updatedAt, source: 'tab' })
    missed = false
  }

  function applyTabError(error: AccountApiError): void {
    if (!ctx.signedIn() || destroyed || inflight) return // our own attempt will say how it went
    dispatch({ type: 'failure', error, retrying: false })
  }

  if (!eager) {
    onMount($state, () => {
      mounted = true
      options.onActivate?.()
      poll() // syncing includes the interval, on every (re)subscription (rule 11)
      return () => {
        mounted = false
        timer.stop()
      }
    })
  }

  return {
    name: key,
    key,
    $state,
    state$: toObservable($state),
    get: () => $state.value!,
    refresh,
    active,
    run: () => {
      poll()
      return run()
    },
    reset(signedIn) {
      controller?.abort()
      controller = null
      inflight = null
      missed = false
      timer.stop()
      dispatch({ type: signedIn ? 'signedIn' : 'reset' })
      if (signedIn) { settleFor(ctx.epoch()); poll() } else settle?.resolve()
    },
    revalidate(minAge) {
      if (!active()) return
      const { updatedAt } = $state.value!
      if (missed || updatedAt === undefined || ctx.now() - updatedAt > minAge) void refresh()
    },
    hydrate: (entry) => dispatch({ type: 'hydrate', data: entry.data as T, updatedAt: entry.updatedAt }),
    applyTab,
    applyTabError,
    firstSettled: () => (settle && ctx.signedIn() ? settle.promise : Promise.resolve()),
    destroy() {
      destroyed = true
      controller?.abort()
      timer.stop()
      settle?.resolve()
    },
  }
}
