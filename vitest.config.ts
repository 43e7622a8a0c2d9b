import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { svelte } from '@sveltejs/vite-plugin-svelte'

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))

/** Tests import the package by its public names, resolved to the sources. */
export const alias = {
  'kinde-account-sync/vue': here('./adapters/vue/index.ts'),
  'kinde-account-sync/svelte': here('./adapters/svelte/index.ts'),
  'kinde-account-sync/vanilla': here('./adapters/vanilla/index.ts'),
  'kinde-account-sync/react': here('./adapters/react/index.ts'),
  'kinde-account-sync/kinde': here('./src/kinde/index.ts'),
  'kinde-account-sync/rxjs': here('./adapters/rxjs/index.ts'),
  'kinde-account-sync/devtools': here('./adapters/devtools/index.ts'),
  'kinde-account-sync/mock': here('./src/mock/index.ts'),
  'kinde-account-sync': here('./src/index.ts'),
}

const react18 = {
  // Its ES build (not the CommonJS main, whose require() would find the root's React 19).
  '@testing-library/react': here('./node_modules/@testing-library/react/dist/@testing-library/react.esm.js'),
  react: here('./test/adapters/react18/node_modules/react'),
  'react-dom': here('./test/adapters/react18/node_modules/react-dom'),
}

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [vue(), svelte()],
        resolve: { alias, conditions: ['browser'] },
        test: {
          name: 'unit',
          environment: 'happy-dom',
          // Vitest's 5 s is too tight for the tests that sign in through Kinde's SDKs (RSA keys,
          // PKCE) on a loaded 2-core CI machine; a hung test still fails, 20 s later
          testTimeout: 20_000,
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**', 'test/adapters/react18/**'],
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        // The React adapter's suite once more, on React 18 (test/adapters/react18/package.json).
        resolve: { alias: { ...react18, ...alias }, conditions: ['browser'] },
        test: {
          name: 'react18',
          environment: 'happy-dom',
          testTimeout: 20_000,
          include: ['test/adapters/react18/**/*.test.ts'],
          // Inlined, so that its own imports of react and react-dom take the aliases too.
          server: { deps: { inline: ['@testing-library/react'] } },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
