#!/usr/bin/env node
// `npm run check:readme` (after `npm run build`): every ```ts, ```tsx, ```vue and ```svelte block
// of README.md is written to .tmp/readme/ and type-checked against the *built* package (tsc for
// ts/tsx, vue-tsc for vue, svelte-check for svelte). The files there sit inside this package, so
// `import … from 'kinde-account-sync/vue'` resolves through package.json's `exports` to dist/,
// exactly as in an app. The only names a block may use without importing them are the reader's
// own objects declared in scripts/check-readme/prelude.d.ts. Errors are reported as README lines.
//
// A block whose first line is a file-name comment (`// account.ts`, `<!-- App.svelte … -->`) is
// written under that name, so other blocks can import it (`import { account } from './account'`).
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, '.tmp', 'readme')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const readmePath = join(root, process.argv[2] ?? 'README.md')

/** Fenced blocks of the languages we check, with the README line of their first code line. */
function extractBlocks(markdown) {
  const blocks = []
  const lines = markdown.split('\n')
  let open = null
  lines.forEach((line, index) => {
    const fence = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(line)
    if (open) {
      if (fence && fence[2].startsWith(open.fence) && !fence[3]) {
        blocks.push({ lang: open.lang, line: open.line, code: open.body.join('\n') })
        open = null
      } else open.body.push(line)
    } else if (fence) {
      open = { fence: fence[2], lang: fence[3].toLowerCase(), line: index + 2, body: [] }
    }
  })
  return blocks.filter((b) => ['ts', 'tsx', 'vue', 'svelte'].includes(b.lang))
}

/** `// account.ts`, `// main.ts`, `<!-- App.svelte (the root) -->` → that file name. */
function declaredName(block) {
  const first = block.code.split('\n')[0] ?? ''
  const m = /^\s*(?:\/\/|<!--)\s*([\w.-]+\.(?:ts|tsx|vue|svelte))\b/.exec(first)
  return m ? m[1] : null
}

const blocks = extractBlocks(readFileSync(readmePath, 'utf8'))
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
for (const d of ['prelude.d.ts', 'third-party.d.ts']) cpSync(join(root, 'scripts', 'check-readme', d), join(out, d))

/** Generated file → the README line of its first line. */
const origin = new Map()
const taken = new Set()
blocks.forEach((block, i) => {
  let name = declaredName(block) ?? `block-${String(i + 1).padStart(2, '0')}.${block.lang}`
  if (taken.has(name)) name = name.replace(/(\.\w+)$/, `-${i + 1}$1`)
  taken.add(name)
  // A trailing `export {}` makes every ts block a module: top-level await works and the names
  // of one block never clash with another's.
  const code = /^tsx?$/.test(block.lang) ? `${block.code}\nexport {}\n` : `${block.code}\n`
  writeFileSync(join(out, name), code)
  origin.set(name, block.line)
})

const compilerOptions = {
  target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  types: [], strict: true, noEmit: true, skipLibCheck: true, jsx: 'react-jsx',
  allowImportingTsExtensions: true, verbatimModuleSyntax: false, isolatedModules: true,
}
const tsconfig = (include) => JSON.stringify({ compilerOptions, include: ['prelude.d.ts', 'third-party.d.ts', ...include] }, null, 2)
// Components see the named .ts modules they import (account.ts); tsc alone checks every ts block.
const named = [...origin.keys()].filter((name) => /\.ts$/.test(name) && !name.startsWith('block-'))
writeFileSync(join(out, 'tsconfig.json'), tsconfig(['*.ts', '*.tsx']))
writeFileSync(join(out, 'tsconfig.vue.json'), tsconfig([...named, '*.vue']))
writeFileSync(join(out, 'tsconfig.svelte.json'), tsconfig([...named, '*.svelte']))

if (!existsSync(join(root, 'dist', 'index.d.mts'))) {
  console.error('check-readme: dist/ is missing; run `npm run build` first (blocks are checked against the built package).')
  process.exit(1)
}

/** Rewrites `.tmp/readme/block-03.ts(4,7)` and `…:4:7` as `README.md:<line>:7 (block-03.ts)`. */
function toReadme(text) {
  const where = (file, line, col) => {
    const name = file.replace(/^.*[\\/]/, '')
    const start = origin.get(name)
    if (start === undefined) return null
    return `${relative(root, readmePath)}:${start + Number(line) - 1}:${col} (${name})`
  }
  return text
    .replace(/([\w./\\-]+\.(?:tsx?|vue|svelte))\((\d+),(\d+)\)/g, (m, f, l, c) => where(f, l, c) ?? m)
    .replace(/([\w./\\-]+\.(?:tsx?|vue|svelte)):(\d+):(\d+)/g, (m, f, l, c) => where(f, l, c) ?? m)
}

function run(label, command, args) {
  const result = spawnSync(command, args, { cwd: out, encoding: 'utf8' })
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim()
  if (result.status === 0) return true
  console.error(`\n✗ ${label}\n${toReadme(output)}`)
  return false
}

const count = (lang) => blocks.filter((b) => b.lang === lang).length
const has = (...langs) => langs.some((l) => count(l) > 0)
const checks = [
  has('ts', 'tsx') && ['tsc (ts, tsx)', bin('tsc'), ['--noEmit', '--pretty', 'false', '-p', 'tsconfig.json']],
  has('vue') && ['vue-tsc (vue)', bin('vue-tsc'), ['--noEmit', '--pretty', 'false', '-p', 'tsconfig.vue.json']],
  has('svelte') && ['svelte-check (svelte)', bin('svelte-check'),
    ['--tsconfig', './tsconfig.svelte.json', '--output', 'human', '--fail-on-warnings', '--threshold', 'warning']],
].filter(Boolean)

const ok = checks.map(([label, command, args]) => run(label, command, args)).every(Boolean)
const summary = ['ts', 'tsx', 'vue', 'svelte'].map((l) => `${count(l)} ${l}`).join(', ')
if (!ok) {
  console.error(`\ncheck-readme: README blocks fail to type-check (${summary}); generated files are in ${relative(root, out)}/`)
  process.exit(1)
}
console.log(`check-readme: ${blocks.length} README blocks type-check against the built package (${summary})`)
