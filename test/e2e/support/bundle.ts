import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url))

export interface BundleOptions {
  /** The page's script (TypeScript); it may import 'kinde-account-sync' and its subpaths. */
  entry: string
  /** The page's HTML; a `<script type="module" src="/main.js">` is what loads the bundle. */
  html: string
}

/**
 * Bundles a test page from the sources with esbuild into a fresh temp directory (never into the
 * repo). Package names resolve to src/ and adapters/ through tsconfig.json's paths.
 */
export async function bundlePage(options: BundleOptions): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'kas-page-'))
  await build({
    entryPoints: { main: options.entry },
    outdir: dir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    sourcemap: 'inline',
    tsconfig: join(projectRoot, 'tsconfig.json'),
    absWorkingDir: projectRoot,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"test"' },
  })
  await writeFile(join(dir, 'index.html'), options.html)
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}
