// @vitest-environment node
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, test } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
let child: ChildProcess | undefined

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL')
  child = undefined
})

/** Starts the CLI from source with tsx and collects stdout lines until `done` says enough. */
function start(args: string[], done: (lines: string[]) => boolean): Promise<string[]> {
  child = spawn(process.execPath, ['--import', 'tsx', 'src/mock/cli.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  const lines: string[] = []
  return new Promise((resolve, reject) => {
    createInterface({ input: child!.stdout! }).on('line', (line) => {
      lines.push(line)
      if (done(lines)) resolve(lines)
    })
    child!.once('exit', (code) => reject(new Error(`CLI exited with ${code}: ${lines.join('\n')}`)))
  })
}

describe('kinde-account-mock CLI', () => {
  test('prints the URL and a token per user and org that the server accepts', async () => {
    const lines = await start(['--port', '0'], (l) => l.some((x) => x.startsWith('Press Ctrl-C')))
    const url = /listening on (http:\/\/\S+)/.exec(lines[0]!)![1]!
    expect(lines).toContain('kp_alice (Alice Anders) in org_acme:')
    expect(lines).toContain('kp_alice (Alice Anders) in org_globex:')
    expect(lines).toContain('kp_bob (Bob Baker) in org_acme:')
    expect(lines).toContain('kp_carol (Carol Chen) in org_globex:')
    const token = lines[lines.indexOf('kp_carol (Carol Chen) in org_globex:') + 1]!
    const response = await fetch(`${url}/account_api/v1/roles`, { headers: { authorization: `Bearer ${token}` } })
    expect(response.status).toBe(200)
    expect((await response.json()).data.org_code).toBe('org_globex')
    await expect.poll(() => lines.some((l) => l.startsWith('GET /account_api/v1/roles → 200 kp_carol@org_globex'))).toBe(true)
  }, 30_000)

  test('--json prints one machine-readable line; SIGTERM closes cleanly', async () => {
    const [line] = await start(['--port', '0', '--json'], (l) => l.length >= 1)
    const { url, tokens } = JSON.parse(line!)
    expect(tokens.map((t: any) => `${t.userId}@${t.orgCode}`)).toEqual(
      ['kp_alice@org_acme', 'kp_alice@org_globex', 'kp_bob@org_acme', 'kp_carol@org_globex'])
    const response = await fetch(`${url}/oauth2/v2/user_profile`, { headers: { authorization: `Bearer ${tokens[2].token}` } })
    expect((await response.json()).id).toBe('kp_bob')
    const exited = new Promise((resolve) => child!.once('exit', (code) => resolve(code)))
    child!.kill('SIGTERM')
    expect(await exited).toBe(0)
  }, 30_000)
})
