// Builds the four example apps once with Vite's JS API (no dev servers).
import { existsSync } from 'node:fs'
import { build } from 'vite'
import { EXAMPLES, exampleConfig, distDir } from '../../examples/vite.shared.mjs'

/** Builds every example into examples/<name>/dist; with `reuse`, skips those already built. */
export async function buildExamples({ reuse = false, log = () => {} } = {}) {
  for (const name of EXAMPLES) {
    if (reuse && existsSync(`${distDir(name)}/index.html`)) {
      log(`reusing examples/${name}/dist`)
      continue
    }
    log(`building examples/${name} …`)
    await build({ ...exampleConfig(name), logLevel: 'warn' })
  }
}
