import { RESOURCE_NAMES, type EntitlementData, type ResourceDataMap, type ResourceName } from '../models'
import { entitlementFetcher, fetcherFor } from './fetchers'
import type { ResourceHost } from './resource/host'
import { createPipeline, type Pipeline, type PipelineOptions } from './resource/pipeline'

export type Pipelines = { [N in ResourceName]: Pipeline<ResourceDataMap[N]> }

/** Every resource pipeline of a store: the six named ones and one per entitlement key. */
export function createResources(host: ResourceHost, eager: readonly ResourceName[], activate: (p: Pipeline<unknown>) => void) {
  const named = {} as Pipelines
  const entitlements = new Map<string, Pipeline<EntitlementData>>()

  const pipeline = (key: string, source: Pick<PipelineOptions<unknown>, 'path' | 'fetch'>, isEager: boolean): Pipeline<any> => {
    const p: Pipeline<unknown> = createPipeline(host, { key, ...source, eager: isEager, onActivate: () => activate(p) })
    return p
  }
  // Resources outside `resources` still exist on the store; they sync only while subscribed.
  for (const name of RESOURCE_NAMES) named[name] = pipeline(name, fetcherFor(name), eager.includes(name))

  const all = (): Pipeline<unknown>[] => [...Object.values(named), ...entitlements.values()] as Pipeline<unknown>[]

  return {
    named,
    all,
    active: (): Pipeline<unknown>[] => all().filter((p) => p.active()),
    /** The same key returns the same object (rule 11). */
    entitlement(key: string): Pipeline<EntitlementData> {
      let p = entitlements.get(key)
      if (!p) {
        p = pipeline(`entitlement:${key}`, entitlementFetcher(key), false) as Pipeline<EntitlementData>
        if (host.session.signedIn()) p.reset(true)
        entitlements.set(key, p)
      }
      return p
    },
    /** A persist/tab key's pipeline (created on demand for `entitlement:<key>`); undefined if unknown. */
    find(key: string): Pipeline<unknown> | undefined {
      if (key.startsWith('entitlement:')) return this.entitlement(key.slice(12)) as Pipeline<unknown>
      return Object.prototype.hasOwnProperty.call(named, key) ? (named as Record<string, Pipeline<unknown>>)[key] : undefined
    },
  }
}

export type Resources = ReturnType<typeof createResources>
