// `npx vite examples/react`: this example alone, with its own mock API (see examples/README.md).
import { exampleConfig } from '../vite.shared.mjs'
import { demoApi } from '../demo-api-plugin.mjs'

const { configFile, ...config } = exampleConfig('react', { extraPlugins: [demoApi()] })
export default config
