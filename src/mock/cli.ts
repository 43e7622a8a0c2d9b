#!/usr/bin/env node
// `kinde-account-mock --port 4000 [--host 127.0.0.1]`: the mock Account API over HTTP, with a
// ready-to-use token per user (and per org for users in several orgs). Ctrl-C stops it.
import { parseArgs } from 'node:util'
import { createMockAccountApi } from './api'

const HELP = `Usage: kinde-account-mock [--port 4000] [--host 127.0.0.1] [--expires-in 86400] [--json] [--quiet]

  --port        port to listen on; 0 picks a free one (default 4000)
  --host        interface to bind (default 127.0.0.1)
  --expires-in  lifetime of the printed tokens in seconds (default 86400)
  --json        print one JSON line { url, tokens: [{ userId, orgCode, token }] } instead of text
  --quiet       do not print a line per request
`

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4000' }, host: { type: 'string', default: '127.0.0.1' },
      'expires-in': { type: 'string', default: '86400' }, json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    process.stdout.write(HELP)
    return
  }
  const port = Number(values.port)
  const expiresIn = Number(values['expires-in'])
  if (!Number.isInteger(port) || port < 0 || !Number.isFinite(expiresIn)) {
    process.stderr.write(HELP)
    process.exitCode = 2
    return
  }
  const api = createMockAccountApi({ log: values.quiet || values.json ? undefined : (line) => console.log(line) })
  const server = await api.listen({ port, host: values.host })

  const tokens: { userId: string; orgCode: string | null; name: string; token: string }[] = []
  for (const userId of api.userIds()) {
    const name = api.user(userId).profile.name
    for (const orgCode of api.orgCodes(userId)) {
      tokens.push({ userId, orgCode, name, token: await api.issueToken(userId, { orgCode, expiresIn }) })
    }
  }
  if (values.json) {
    console.log(JSON.stringify({ url: server.url, tokens: tokens.map(({ name: _, ...t }) => t) }))
  } else {
    console.log(`Kinde Account API mock listening on ${server.url}`)
    console.log(`JWKS: ${server.url}/.well-known/jwks.json`)
    console.log(`Kinde's SDKs sign in against it with domain ${server.url} (OAuth: /oauth2/auth, /oauth2/token, /logout)\n`)
    for (const t of tokens) console.log(`${t.userId} (${t.name}) in ${t.orgCode}:\n${t.token}\n`)
    console.log(`Try: curl -H "Authorization: Bearer <token>" ${server.url}/account_api/v1/permissions`)
    console.log('Press Ctrl-C to stop.')
  }

  const stop = () => {
    void server.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(`kinde-account-mock: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
