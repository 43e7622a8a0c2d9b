#!/usr/bin/env node
// `npm run demo [-- --port 4173] [--api-port 4174] [--no-build] [--interval 2000]`
import { parseArgs } from 'node:util'
import { startDemo } from './demo-server.mjs'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4173' },
    'api-port': { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    interval: { type: 'string', default: '2000' },
    help: { type: 'boolean', short: 'h', default: false },
  },
})

if (values.help) {
  console.log(`Usage: npm run demo -- [--port 4173] [--api-port <port+1>] [--no-build] [--interval 2000]

  --port       the control page and the examples (default 4173)
  --api-port   the mock Kinde Account API (default: --port + 1)
  --no-build   reuse examples/*/dist when present
  --interval   refreshInterval (ms) put in the printed example URLs (default 2000)`)
  process.exit(0)
}

const port = Number(values.port)
const demo = await startDemo({
  port,
  // A fixed API port keeps the tokens' issuer (and so the IndexedDB keys) the same across runs.
  apiPort: values['api-port'] ? Number(values['api-port']) : port === 0 ? 0 : port + 1,
  build: !values['no-build'],
  log: (line) => console.log(`  ${line}`),
}).catch((error) => {
  if (error?.code !== 'EADDRINUSE') throw error
  console.error(`Port ${error.port} is in use. Pick others: npm run demo -- --port <n> [--api-port <m>]`)
  process.exit(1)
})

const q = `?interval=${Number(values.interval)}`
console.log(`
kinde-account-sync demo is running

  control page  ${demo.urls.control}
  vanilla       ${demo.urls.vanilla}${q}
  vue           ${demo.urls.vue}${q}
  svelte        ${demo.urls.svelte}${q}
  react         ${demo.urls.react}${q}
  mock API      ${demo.urls.api}

Open an example or two, pick a user, then flip flags, grant permissions,
throttle or take down the API from the control page. Ctrl-C stops.
`)

let stopping = false
async function stop(signal) {
  if (stopping) process.exit(0) // a second Ctrl-C: don't wait
  stopping = true
  console.log(`\n${signal}: stopping the demo …`)
  // A browser holding a connection open must not keep the demo alive.
  setTimeout(() => process.exit(0), 3000).unref()
  await demo.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop('SIGINT'))
process.on('SIGTERM', () => void stop('SIGTERM'))
