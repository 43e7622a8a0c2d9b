import { defineBuildConfig } from 'unbuild'

// Keep each adapter entry free of the shared chunk's transitive imports (rxjs etc.),
// so `kinde-account-sync/vanilla` does not pull rxjs unless it uses it (ARCHITECTURE.md, "Layout").
const noHoist = (options: { output?: unknown }) => {
  const outputs = Array.isArray(options.output) ? options.output : [options.output]
  for (const output of outputs) if (output) (output as { hoistTransitiveImports?: boolean }).hoistTransitiveImports = false
}

export default defineBuildConfig({
  entries: [
    { input: 'src/index', name: 'index' },
    { input: 'adapters/vue/index', name: 'vue' },
    { input: 'adapters/svelte/index', name: 'svelte' },
    { input: 'adapters/vanilla/index', name: 'vanilla' },
    { input: 'adapters/react/index', name: 'react' },
    { input: 'src/kinde/index', name: 'kinde' },
    { input: 'adapters/rxjs/index', name: 'rxjs' },
    { input: 'adapters/devtools/index', name: 'devtools' },
    { input: 'src/mock/index', name: 'mock' },
    { input: 'src/mock/cli', name: 'mock-cli' },
  ],
  declaration: 'compatible',
  clean: true,
  externals: ['vue', 'svelte', 'svelte/store', 'svelte/reactivity', 'react', 'rxjs', 'node:http', 'node:crypto', 'node:util'],
  rollup: { emitCJS: true },
  hooks: {
    'rollup:options'(_ctx, options) { noHoist(options) },
    'rollup:dts:options'(_ctx, options) { noHoist(options) },
  },
})
