// Lint: mostly about the direction of imports (ARCHITECTURE.md, "Layout"):
// adapters → store → (client, schedule, persist, tabs, token) → models; models imports nothing.
import tseslint from 'typescript-eslint'
import importX, { createNodeResolver } from 'eslint-plugin-import-x'

const MIDDLE = ['client', 'schedule', 'persist', 'tabs', 'token']
// The few one-way uses inside the middle row: the client reads the token's `iss` for its base URL
// and shares the plain-object check; tabs key their messages like persisted entries.
const SIDEWAYS = { client: ['token'], tabs: ['persist', 'token'], token: [], schedule: [], persist: [] }

const zones = [
  { target: './src/models', from: './src', except: ['./models'], message: 'src/models is the leaf: it imports nothing from the rest of src/.' },
  { target: './src', from: './adapters', message: 'src/ never imports an adapter.' },
  ...MIDDLE.map((name) => ({
    target: `./src/${name}`, from: ['./src/store', './src/kinde', './src/mock', './src/index.ts'],
    message: `src/${name} sits below the store: it never imports it, not even for a type.`,
  })),
  ...MIDDLE.map((name) => ({
    target: `./src/${name}`,
    from: MIDDLE.filter((other) => other !== name && !SIDEWAYS[name].includes(other)).map((other) => `./src/${other}`),
    message: `src/${name} does not import its neighbours (only ${SIDEWAYS[name].join(', ') || 'models'}).`,
  })),
]

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tmp/**', 'examples/**', 'bench/**', 'docs/**', 'scripts/**', 'test/**'] },
  {
    files: ['src/**/*.ts', 'adapters/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.mjs', '.js'] })],
      'import-x/extensions': ['.ts', '.js'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones }],
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['vue', 'svelte', 'svelte/*', 'react', 'react-dom', '@kinde-oss/*', '@kinde/*'], message: 'Nothing under src/ imports a framework.' }],
      }],
    },
  },
  {
    // adapters are where frameworks live
    files: ['adapters/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
)
