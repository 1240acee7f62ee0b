/** `segment-intercom emulate`, built (npm test builds dist/ before the suite). */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { parseEmulateArgs } from '../../src/cli/emulate.js'
import { deliver, toRest } from '../../src/index.js'
import { fetchSend, JSON_HEADERS } from '../testing/server/helpers.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const children: ChildProcessWithoutNullStreams[] = []
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

interface Running {
  child: ChildProcessWithoutNullStreams
  url: string
  stderr: () => string
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** Starts `emulate ARGS` and resolves once it printed its URL (the first stdout line). */
function emulate(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, ['dist/cli.js', 'emulate', ...args], { cwd: root })
  children.push(child)
  let stderr = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk
  })
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  )
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout })
    lines.once('line', (url) => resolve({ child, url, stderr: () => stderr, exit }))
    void exit.then(({ code }) => reject(new Error(`exited ${code} before a URL: ${stderr}`)))
  })
}

describe('segment-intercom emulate', () => {
  it('prints its URL first, serves a delivery, and exits 0 on SIGTERM', async () => {
    const running = await emulate(['--port', '0', '--token', 'T', '--rate-limit', '100/60000'])
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const send = fetchSend(running.url, { Authorization: 'Bearer T' })
    const identify = {
      type: 'identify',
      userId: 'u1',
      timestamp: new Date().toISOString(),
      traits: { email: 'a@example.com' },
    }
    expect(await deliver(toRest(identify), send)).toMatchObject({ status: 'delivered' })
    const unauthorized = await fetch(`${running.url}/companies`, { headers: JSON_HEADERS })
    expect(unauthorized.status).toBe(401)
    expect(unauthorized.headers.get('x-ratelimit-limit')).toBe('100')
    const state = (await fetch(`${running.url}/__emulator/state`).then((r) => r.json())) as {
      contacts: { external_id: string; created_at: number }[]
    }
    expect(state.contacts.map((c) => c.external_id)).toEqual(['u1'])
    // The wall clock: the contact was created now, not at the emulator's virtual start.
    expect(Math.abs((state.contacts[0]?.created_at ?? 0) - Date.now() / 1000)).toBeLessThan(60)
    running.child.kill('SIGTERM')
    expect(await running.exit).toEqual({ code: 0, signal: null })
    expect(running.stderr()).toMatch(/SIGTERM: emulator stopped/)
  })

  it('stops on SIGINT too, and --server-error-rate 1 answers every request 500', async () => {
    const running = await emulate(['--port', '0', '--server-error-rate', '1'])
    const response = await fetch(`${running.url}/companies`, { headers: JSON_HEADERS })
    expect(response.status).toBe(500)
    expect(await response.json()).toMatchObject({ errors: [{ code: 'server_error' }] })
    running.child.kill('SIGINT')
    expect((await running.exit).code).toBe(0)
  })

  it('exits 1 when the port is taken, 2 on a bad flag', async () => {
    const running = await emulate(['--port', '0'])
    const taken = spawnSync(
      process.execPath,
      ['dist/cli.js', 'emulate', '--port', new URL(running.url).port],
      { cwd: root, encoding: 'utf8' },
    )
    expect(taken.status).toBe(1)
    expect(taken.stderr).toMatch(/cannot listen on 127\.0\.0\.1:\d+: .*EADDRINUSE/)
    expect(taken.stdout).toBe('')
    running.child.kill('SIGTERM')
    await running.exit
    const bad = spawnSync(process.execPath, ['dist/cli.js', 'emulate', '--rate-limit', '5'], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/--rate-limit must be LIMIT\/WINDOW_MS/)
  })
})

describe('parseEmulateArgs', () => {
  it('defaults: port 4010 on 127.0.0.1, the wall clock, nothing else', () => {
    expect(parseEmulateArgs([])).toEqual({
      help: false,
      port: 4010,
      host: '127.0.0.1',
      emulator: { clock: Date.now },
    })
  })

  it('reads every option, in both --flag value and --flag=value forms', () => {
    expect(
      parseEmulateArgs([
        '--port=0',
        '--host',
        '::1',
        '--search-lag',
        '3',
        '--rate-limit',
        '10/1000',
        '--server-error-rate=0.25',
        '--token',
        'T',
      ]),
    ).toEqual({
      help: false,
      port: 0,
      host: '::1',
      emulator: {
        clock: Date.now,
        searchLag: 3,
        rateLimit: { limit: 10, windowMs: 1000 },
        faults: { serverErrorRate: 0.25 },
        token: 'T',
      },
    })
    expect(parseEmulateArgs(['-h']).help).toBe(true)
  })

  it.each([
    [['--port', '65536'], /--port must be an integer from 0 to 65535/],
    [['--port', '-1'], /--port/],
    [['--search-lag', '1.5'], /--search-lag must be an integer/],
    [['--rate-limit', '0/1000'], /LIMIT must be an integer from 1/],
    [['--rate-limit', '10/0'], /WINDOW_MS must be an integer from 1/],
    [['--rate-limit', '10'], /LIMIT\/WINDOW_MS/],
    [['--server-error-rate', '2'], /from 0 to 1/],
    [['--server-error-rate', 'often'], /from 0 to 1/],
    [['--token', ''], /--token needs a value/],
    [['--bogus'], /bogus/],
    [['extra'], /extra/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseEmulateArgs(argv)).toThrow(message)
  })
})
