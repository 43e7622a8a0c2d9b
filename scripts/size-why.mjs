#!/usr/bin/env node
// `npm run size:why [-- <entry> …] [--es2015] [--json | --markdown] [--files 30] [--without tabs,drift]`
//
// Where the bytes of an app bundle go. Bundles the entry (default: bench/apps/ours.ts, the
// six-resource app with default options) the way bench/lib/size.ts does (esbuild, browser, ESM,
// minified, production NODE_ENV, gzip -9), once with the default resolution and once with the
// `es2015` condition, and prints, per file, per folder and per dependency:
//   min   — minified bytes of the output that its code maps to (the source map; for our own files
//           this is the metafile's bytesInOutput, and it also splits rxjs, which ships its own maps)
//   gzip  — marginal gzip bytes: gzip(bundle) − gzip(bundle without that part's code), the
//           bytes you would save if the part were gone (its code is located through the source map)
// Marginal bytes do not add up to the total: gzip shares repeats between parts.
// `--without tabs,drift` bundles the app with those parts of the store replaced by empty
// stand-ins (STAND_INS below): what the app would weigh if the feature left the default path.
import { build } from 'esbuild'
import { dirname, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..')
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    es2015: { type: 'boolean', default: false },
    default: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    markdown: { type: 'boolean', default: false },
    files: { type: 'string', default: '40' },
    without: { type: 'string', default: '' },
    help: { type: 'boolean', short: 'h', default: false },
  },
})
if (values.help) {
  console.log('Usage: npm run size:why -- [entry.ts …] [--default | --es2015] [--json | --markdown] [--files N] [--without tabs,drift]')
  process.exit(0)
}
const entries = positionals.length ? positionals : ['bench/apps/ours.ts']
const resolutions = values.es2015 ? ['es2015'] : values.default ? ['default'] : ['default', 'es2015']

const gzip = (s) => gzipSync(s, { level: 9 }).length

/** Empty stand-ins for optional parts of the store, each keeping its module's exports. */
const STAND_INS = {
  tabs: ['src/store/tabs.ts', 'export const failureOf = () => ({}); export const linkTabs = () => null; export const startSync = () => {}'],
  drift: ['src/store/drift-link.ts', "import { atom } from 'nanostores'; export function linkDrift() { const $drift = atom(null); return { $drift, drift$: $drift, stop() {} } }"],
}
const without = values.without ? values.without.split(',') : []
for (const name of without) if (!STAND_INS[name]) throw new Error(`--without ${name}: one of ${Object.keys(STAND_INS).join(', ')}`)
const standIns = {
  name: 'stand-ins',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      for (const name of without) {
        const [file, contents] = STAND_INS[name]
        if (args.path === resolve(ROOT, file)) return { contents, loader: 'ts' }
      }
      return undefined
    })
  },
}

/** Base64 VLQ source-map mappings → [line, column, sourceIndex] segments (enough for attribution). */
function decodeMappings(mappings) {
  const CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  const segments = []
  let line = 0, source = 0
  for (const group of mappings.split(';')) {
    let column = 0
    for (const seg of group.split(',')) {
      if (!seg) continue
      const fields = []
      let value = 0, shift = 0
      for (const ch of seg) {
        const digit = CHARS.indexOf(ch)
        value += (digit & 31) << shift
        if (digit & 32) shift += 5
        else { fields.push(value & 1 ? -(value >>> 1) : value >>> 1); value = 0; shift = 0 }
      }
      column += fields[0]
      if (fields.length > 1) { source += fields[1]; segments.push([line, column, source]) }
      else segments.push([line, column, -1])
    }
    line++
  }
  return segments
}

/** Who a source path belongs to: its file, its folder (src/store …) and its package (or "ours"). */
function owner(path) {
  const rel = relative(ROOT, resolve(ROOT, path)).replace(/\\/g, '/')
  const nm = rel.lastIndexOf('node_modules/')
  if (nm >= 0) {
    const parts = rel.slice(nm + 'node_modules/'.length).split('/')
    const pkg = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]
    return { file: `${pkg}/${parts.slice(pkg.split('/').length).join('/')}`, folder: pkg, dep: pkg }
  }
  const parts = rel.split('/')
  const folder = parts[0] === 'src' || parts[0] === 'adapters' ? parts.slice(0, parts.length > 2 ? 2 : 1).join('/') : parts[0]
  return { file: rel, folder, dep: 'ours' }
}

async function analyse(entry, resolution) {
  const result = await build({
    entryPoints: [resolve(ROOT, entry)],
    absWorkingDir: ROOT,
    tsconfig: resolve(ROOT, 'tsconfig.json'),
    bundle: true, write: false, minify: true, format: 'esm', platform: 'browser',
    conditions: resolution === 'es2015' ? ['es2015'] : [],
    define: { 'process.env.NODE_ENV': '"production"' },
    sourcemap: 'external', outdir: resolve(ROOT, '.tmp/size-why'), logLevel: 'silent',
    plugins: without.length ? [standIns] : [],
  })
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'))
  const map = JSON.parse(result.outputFiles.find((f) => f.path.endsWith('.map')).text)
  const code = js.text
  const total = { min: Buffer.byteLength(code), gzip: gzip(code) }

  // Character ranges of the output per source index, from the source map.
  const lineStarts = [0]
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1)
  const segs = decodeMappings(map.mappings).map(([l, c, s]) => [lineStarts[l] + c, s])
  const owners = new Array(code.length).fill(-1)
  for (let i = 0; i < segs.length; i++) {
    const [start, src] = segs[i]
    const end = i + 1 < segs.length ? segs[i + 1][0] : code.length
    for (let p = start; p < end; p++) owners[p] = src
  }
  const mapSources = map.sources.map((s) => owner(resolve(resolve(ROOT, '.tmp/size-why'), s)))

  const GLUE = { file: '(esbuild glue)', folder: '(esbuild glue)', dep: '(esbuild glue)' }
  /** gzip bytes saved by dropping every output character whose owner matches. */
  const marginal = (match) => {
    let out = ''
    let run = -1
    for (let p = 0; p < code.length; p++) {
      const src = owners[p]
      const drop = match(src >= 0 ? mapSources[src] : GLUE)
      if (!drop) { if (run < 0) run = p } else if (run >= 0) { out += code.slice(run, p); run = -1 }
    }
    if (run >= 0) out += code.slice(run)
    return total.gzip - gzip(out)
  }

  // Minified bytes per part: the output characters its code maps to. Unmapped characters are
  // esbuild's glue (the module wrappers and helpers it writes itself).
  const rows = { file: new Map(), folder: new Map(), dep: new Map() }
  for (let p = 0; p < code.length; p++) {
    const o = owners[p] >= 0 ? mapSources[owners[p]] : GLUE
    for (const level of ['file', 'folder', 'dep']) {
      const row = rows[level].get(o[level]) ?? { name: o[level], min: 0, gzip: 0 }
      row.min++
      rows[level].set(o[level], row)
    }
  }
  for (const level of ['file', 'folder', 'dep']) {
    for (const row of rows[level].values()) {
      row.gzip = row.name === GLUE[level] ? marginal((o) => o === GLUE) : marginal((o) => o[level] === row.name)
    }
  }
  const sort = (m) => [...m.values()].sort((a, b) => b.gzip - a.gzip || b.min - a.min)
  return { entry, resolution, total, files: sort(rows.file), folders: sort(rows.folder), deps: sort(rows.dep) }
}

const fmt = (n) => n.toLocaleString('en-US')
function table(title, rows, limit = Infinity) {
  const shown = rows.slice(0, limit)
  const width = Math.max(title.length, ...shown.map((r) => r.name.length))
  const lines = [`  ${title.padEnd(width)}  ${'min'.padStart(7)}  ${'gzip'.padStart(6)}`]
  for (const r of shown) lines.push(`  ${r.name.padEnd(width)}  ${fmt(r.min).padStart(7)}  ${fmt(r.gzip).padStart(6)}`)
  if (rows.length > shown.length) lines.push(`  … ${rows.length - shown.length} more (--files ${rows.length})`)
  return lines.join('\n')
}

const reports = []
for (const entry of entries) for (const resolution of resolutions) reports.push(await analyse(entry, resolution))
if (values.json) {
  console.log(JSON.stringify(reports, null, 2))
} else if (values.markdown) {
  // One table per entry and level, a gzip column per resolution: what bench/SIZE.md records.
  for (const entry of entries) {
    const mine = reports.filter((r) => r.entry === entry)
    console.log(`\n${entry}: ${mine.map((r) => `${fmt(r.total.gzip)} B min+gzip (${r.resolution})`).join(', ')}\n`)
    for (const [level, title] of [['deps', 'dependency'], ['folders', 'folder']]) {
      const names = [...new Set(mine.flatMap((r) => r[level].map((x) => x.name)))]
      console.log(`| ${title} | min | ${mine.map((r) => `gzip (${r.resolution})`).join(' | ')} |`)
      console.log(`|---|---:|${mine.map(() => '---:').join('|')}|`)
      for (const name of names) {
        const cells = mine.map((r) => r[level].find((x) => x.name === name))
        const min = cells.find(Boolean).min
        console.log(`| ${name} | ${fmt(min)} | ${cells.map((c) => (c ? fmt(c.gzip) : '—')).join(' | ')} |`)
      }
      console.log()
    }
  }
} else {
  for (const r of reports) {
    console.log(`\n${r.entry} — ${r.resolution} resolution: ${fmt(r.total.min)} B min, ${fmt(r.total.gzip)} B min+gzip`)
    console.log('(gzip = marginal: what removing that part saves; the parts do not add up to the total)\n')
    console.log(table('dependency', r.deps))
    console.log()
    console.log(table('folder', r.folders))
    console.log()
    console.log(table('file', r.files, Number(values.files)))
  }
}
