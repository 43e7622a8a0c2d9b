// Rows for hydration in real Chromium (bench/chromium/): real IndexedDB, where fake-indexeddb's
// structured clone no longer dominates the figure as it does in the Node row.
import { chromiumHydration } from '../chromium/hydrate'
import type { Row } from '../lib/report'
import { median } from '../lib/stats'

export async function chromiumRows(): Promise<Row[]> {
  // BENCH_CHROMIUM_LOADS=41 for a steadier median on a busy machine
  const r = await chromiumHydration(Number(process.env.BENCH_CHROMIUM_LOADS) || 21)
  if (!r) {
    console.warn('  chromium: no Chromium (CHROMIUM_PATH or /usr/bin/chromium); skipped')
    return []
  }
  const all: Row = {
    workload: `Show persisted data in ${r.browser}: six resources × 1,000 items (real IndexedDB, ${r.ours.length} loads)`,
    unit: 'ms', values: { ours: median(r.ours), tanstack: median(r.tanstack), nanoquery: null }, vs: ['tanstack'],
    target: '≤ 1× TQ', samples: { ours: r.ours, tanstack: r.tanstack },
  }
  all.met = all.values.ours! <= all.values.tanstack!
  // the same position in the page load compared: whoever runs first pays the colder start
  const at = (xs: number[], first: 'ours' | 'tanstack') => median(xs.filter((_, i) => r.order[i] === first))
  const ms = (x: number) => `${x.toFixed(1)} ms`
  all.note = `run first: ours ${ms(at(r.ours, 'ours'))}, TanStack ${ms(at(r.tanstack, 'tanstack'))}; ` +
    `run second: ours ${ms(at(r.ours, 'tanstack'))}, TanStack ${ms(at(r.tanstack, 'ours'))}`
  const first: Row = {
    workload: 'Show persisted data in Chromium: first resource shown (TanStack shows all at once)', unit: 'ms',
    values: { ours: median(r.oursFirst), tanstack: median(r.tanstack), nanoquery: null }, vs: ['tanstack'],
  }
  return [all, first]
}
