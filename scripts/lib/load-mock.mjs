// Loads the mock API from the TypeScript sources, so the demo needs no library build.
// Under vitest (the e2e tests) the plain import works; in plain Node it fails on the
// `.ts` extension and tsx's scoped loader compiles the sources instead.
const MOCK = new URL('../../src/mock/index.ts', import.meta.url).href

/** @returns {Promise<typeof import('../../src/mock/index.ts')>} */
export async function loadMock() {
  try {
    return await import(/* @vite-ignore */ MOCK)
  } catch {
    const { tsImport } = await import('tsx/esm/api')
    return tsImport(MOCK, import.meta.url)
  }
}
