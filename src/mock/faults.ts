import type { MockFault, MockFaultOptions, MockRoute } from './types'

interface Entry { id: string; route: MockRoute | '*'; fault: MockFault; left: number }

const isLatency = (fault: MockFault): fault is { latency: number } => 'latency' in fault

/**
 * Registered faults. Latency faults stack (each matching one delays the request); of the others,
 * the first matching one decides the answer: route-specific before '*', then oldest first, so
 * `fault(r, a, { times: 1 }); fault(r, b, { times: 1 })` scripts a, then b.
 */
export function createFaults() {
  let entries: Entry[] = []
  let serial = 0

  function use(entry: Entry) {
    entry.left -= 1
    if (entry.left <= 0) entries = entries.filter((e) => e !== entry)
  }

  return {
    add(route: MockRoute | '*', fault: MockFault, { times = Infinity }: MockFaultOptions = {}): string {
      const id = `fault_${++serial}`
      if (times > 0) entries.push({ id, route, fault, left: times })
      return id
    },
    clear(id: string) { entries = entries.filter((e) => e.id !== id) },
    clearAll() { entries = [] },
    /** Consumes the faults that apply to one request of `route`: total latency and the outcome. */
    take(route: MockRoute): { latency: number; outcome: Exclude<MockFault, { latency: number }> | null } {
      const matching = entries.filter((e) => e.route === route || e.route === '*')
      let latency = 0
      for (const entry of matching.filter((e) => isLatency(e.fault))) {
        latency += (entry.fault as { latency: number }).latency
        use(entry)
      }
      const outcomes = matching.filter((e) => !isLatency(e.fault))
      const chosen = outcomes.find((e) => e.route === route) ?? outcomes[0]
      if (chosen) use(chosen)
      return { latency, outcome: chosen ? chosen.fault as Exclude<MockFault, { latency: number }> : null }
    },
  }
}

export type MockFaults = ReturnType<typeof createFaults>
