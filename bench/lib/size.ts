// min+gzip bytes of an entry bundled the way an app would ship it: esbuild, platform browser, ESM,
// minified, production `process.env.NODE_ENV`, gzip level 9.
import { build, type Plugin } from 'esbuild'
import { gzipSync } from 'node:zlib'
import { dirname, relative, resolve } from 'node:path'

export const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..')

export interface SizeOptions {
  /** Extra resolve conditions, e.g. ['es2015'] for rxjs's ES2015 build. */
  conditions?: string[]
  external?: string[]
  alias?: Record<string, string>
  /** Mark relative imports that leave this folder as external (an adapter without the core). */
  keepInside?: string
}

export interface Size { min: number; gzip: number }

export async function sizeOf(entry: string, o: SizeOptions = {}): Promise<Size> {
  const plugins: Plugin[] = o.keepInside ? [outsideIsExternal(resolve(ROOT, o.keepInside))] : []
  const result = await build({
    entryPoints: [resolve(ROOT, entry)],
    absWorkingDir: ROOT,
    tsconfig: resolve(ROOT, 'tsconfig.json'),
    bundle: true, write: false, minify: true, format: 'esm', platform: 'browser',
    conditions: o.conditions, external: o.external, alias: o.alias, plugins,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]!.contents
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length }
}

function outsideIsExternal(folder: string): Plugin {
  return {
    name: 'outside-is-external',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = resolve(args.resolveDir, args.path)
        return relative(folder, target).startsWith('..') ? { path: args.path, external: true } : undefined
      })
    },
  }
}
