import { atom, onMount } from 'nanostores'
import type { PersistedEntry } from '../../models'
import { toObservable } from '../observable'
import { isolateListeners, setSafely } from '../report'
import type { ResourceState } from '../types'
import { attemptCycle } from './attempt'
import type { ResourceHost } from './host'
import { createSettled } from './settled'
import { createTicker } from './ticker'
import { idleState, reduce, sameState, type ResourceAction } from './state'
import type { Pipeline, PipelineOptions } from './types'

export type { Pipeline, PipelineOptions } from './types'

export function createPipeline<T>(host: ResourceHost, options: PipelineOptions<T>): Pipeline<T> {
  const { key, path, fetch, eager } = options
  const { config, session } = host
  const $state = isolateListeners(atom<ResourceState<T>>(idleState()))
  const settled = createSettled()
  let mounted = eager
  let destroyed = false
  let inflight: Promise<ResourceState<T>> | null = null
  let controller: AbortController | null = null
  let missed = false
  let again = false
  let leftWith: string | null = null

  const dispatch = (action: ResourceAction<T>): void => {
    const prev = $state.value!
    const next = reduce(prev, action)
    if (!sameState(prev, next)) setSafely($state, next)
  }
  const active = (): boolean => mounted && !destroyed && session.signedIn()

  const timer = createTicker(host, () => $state.value!, dispatch, active, () => void run())
  const poll = (): void => {
    if (config.refreshInterval !== false && active() && !timer.running) timer.start(config.refreshInterval)
  }

  function run(reread = true): Promise<ResourceState<T>> {
    if (inflight) return inflight
    if (destroyed || !session.signedIn()) return Promise.resolve($state.value!)
    const epoch = session.epoch()
    const ac = new AbortController()
    const mine = settled.begin(epoch)
    again = false
    const promise: Promise<ResourceState<T>> = attemptCycle<T>(host, {
      key, path, fetch, signal: ac.signal, dispatch,
      data: () => $state.value!.data,
      dead: () => destroyed || ac.signal.aborted || epoch !== session.epoch(),
      missed: (value) => { missed = value },
      left: (token) => { leftWith = token },
      reread,
      // resume by itself once the shared cool-down ends (state table, 429 row)
      resumeAfterCooldown: () => { void host.gateway.whenOpen().then(() => { if (epoch === session.epoch() && active()) void run() }) },
    })
      .catch(() => {}) // rule 10: nothing escapes as an unhandled rejection
      .then(() => {
        if (inflight === promise) { inflight = null; controller = null }
        mine.resolve()
        // a new token arrived after this cycle's request left: a request with it follows (rule 1)
        if (again && leftWith !== session.token() && epoch === session.epoch() && active()) return run(false)
        return $state.value!
      })
    inflight = promise
    controller = ac
    return promise
  }

  function refresh(): Promise<ResourceState<T>> {
    if (destroyed || !session.signedIn()) return Promise.resolve($state.value!)
    if (!config.online.get()) {
      missed = true
      return Promise.resolve($state.value!)
    }
    if (inflight) {
      void session.read() // a token changed meanwhile is still picked up
      return inflight
    }
    const epoch = session.epoch()
    const asked = host.askLeader(key, config.tabAnswerWait)
    if (!asked) return run()
    return asked.then((entry) => {
      if (epoch !== session.epoch() || destroyed) return $state.value!
      if (entry) applyTab(entry)
      return entry === undefined ? run() : $state.value! // no answer in time: fetch ourselves
    }, () => run())
  }

  function applyTab(entry: PersistedEntry): void {
    if (!session.signedIn() || destroyed) return
    const current = $state.value!
    // an older state (a slow snapshot, say) never replaces fresher data of this session
    if (current.source !== 'cache' && current.updatedAt !== undefined && entry.updatedAt < current.updatedAt) return
    settled.resolveFor(session.epoch()) // the leader's answer settles this identity's first cycle too
    dispatch({ type: 'success', data: entry.data as T, updatedAt: entry.updatedAt, source: 'tab' })
    missed = false
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
    refetch: () => {
      if (!active()) return
      if (inflight) again = true
      else void refresh()
    },
    reset(signedIn) {
      controller?.abort()
      controller = null
      inflight = null
      missed = false
      again = false
      timer.stop()
      dispatch({ type: signedIn ? 'signedIn' : 'reset' })
      if (signedIn) { settled.begin(session.epoch()); poll() } else settled.release()
    },
    revalidate(minAge) {
      if (!active()) return
      const { updatedAt } = $state.value!
      if (missed || updatedAt === undefined || config.now() - updatedAt > minAge) void refresh()
    },
    hydrate: (entry) => dispatch({ type: 'hydrate', data: entry.data as T, updatedAt: entry.updatedAt }),
    applyTab,
    applyTabError(error) {
      // Shown even while an attempt of ours is out (it may have left before a cool-down began, on
      // the lead moving): its own outcome replaces this one when it lands; until then, the same error
      // in every tab. Whether we are fetching is ours to say, not the other tab's.
      if (session.signedIn() && !destroyed) dispatch({ type: 'failure', error, retrying: $state.value!.fetching })
    },
    firstSettled: () => (session.signedIn() ? settled.promise() : Promise.resolve()),
    destroy() {
      destroyed = true
      controller?.abort()
      timer.stop()
      settled.release()
    },
  }
}
