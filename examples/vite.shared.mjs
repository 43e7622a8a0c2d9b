// One Vite config for the three examples. The package names resolve to the sources
// (as in vitest.config.ts), so the examples run without building the library.
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import react from '@vitejs/plugin-react'
import { svelte } from '@sveltejs/vite-plugin-svelte'

const here = (p) => fileURLToPath(new URL(p, import.meta.url))

export const EXAMPLES = /** @type {const} */ (['vanilla', 'vue', 'svelte', 'react'])

export const alias = {
  'kinde-account-sync/vue': here('../adapters/vue/index.ts'),
  'kinde-account-sync/svelte': here('../adapters/svelte/index.ts'),
  'kinde-account-sync/vanilla': here('../adapters/vanilla/index.ts'),
  'kinde-account-sync/react': here('../adapters/react/index.ts'),
  'kinde-account-sync/kinde': here('../src/kinde/index.ts'),
  'kinde-account-sync/rxjs': here('../adapters/rxjs/index.ts'),
  'kinde-account-sync/devtools': here('../adapters/devtools/index.ts'),
  'kinde-account-sync/mock': here('../src/mock/index.ts'),
  'kinde-account-sync': here('../src/index.ts'),
}

export const distDir = (name) => here(`./${name}/dist`)

const plugins = { vanilla: () => [], vue: () => [vue()], svelte: () => [svelte({ configFile: false })], react: () => [react()] }

/**
 * The Vite config of one example, served under `/<name>/`.
 * @param {'vanilla' | 'vue' | 'svelte' | 'react'} name
 * @returns {import('vite').InlineConfig}
 */
export function exampleConfig(name, { extraPlugins = [] } = {}) {
  return {
    configFile: false,
    root: here(`./${name}`),
    base: `/${name}/`,
    plugins: [...plugins[name](), ...extraPlugins],
    resolve: { alias },
    build: {
      outDir: distDir(name), emptyOutDir: true, sourcemap: true,
      // The demo builds on a busy machine; slow-plugin notes there are noise, not news.
      rolldownOptions: { checks: { bundlerTimings: false } },
    },
  }
}
