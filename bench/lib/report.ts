// Rows of the results table, their Markdown rendering and the JSON written to bench/results.json.
export type Column = 'ours' | 'tanstack' | 'nanoquery' | 'floor'
export const COLUMNS: Record<Column, string> = { ours: 'ours', tanstack: 'TanStack', nanoquery: 'nanoquery', floor: 'atom floor' }
const SHORT: Record<Column, string> = { ours: 'us', tanstack: 'TQ', nanoquery: 'nq', floor: 'atom' }

export interface Row {
  workload: string
  unit: string
  values: Partial<Record<Column, number | null>>
  /** Columns that `ours` is divided by for the ratio column. */
  vs?: Column[]
  target?: string
  met?: boolean | null
  note?: string
  /** Every round's value, for the JSON. */
  samples?: Partial<Record<Column, number[]>>
}

export function ratio(row: Row, peer: Column): number | null {
  const a = row.values.ours, b = row.values[peer]
  return a == null || b == null || b === 0 ? null : a / b
}

const fmt = (v: number | null | undefined) =>
  v == null ? '—' : Number.isInteger(v) ? v.toLocaleString('en-US') : v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toPrecision(3)

export function markdown(rows: Row[]): string {
  const head = ['Workload', 'unit', ...Object.values(COLUMNS), 'us/peer', 'target', 'met']
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`]
  for (const r of rows) {
    const ratios = (r.vs ?? []).map((c) => { const x = ratio(r, c); return x == null ? null : `${x.toFixed(2)}× ${SHORT[c]}` })
    const cells = [
      r.workload, r.unit, ...(Object.keys(COLUMNS) as Column[]).map((c) => fmt(r.values[c])),
      ratios.filter(Boolean).join(' · ') || '—', r.target ?? '', r.met == null ? '' : r.met ? 'yes' : '**no**',
    ]
    lines.push(`| ${cells.join(' | ')} |`)
  }
  return lines.join('\n')
}
