/** The built `segment-intercom` command (npm test builds dist/ before the suite). */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const examples = 'examples/events.ndjson'

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['dist/cli.js', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
  })
  const lines = r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
  return { code: r.status, lines, stderr: r.stderr }
}

describe('segment-intercom map', () => {
  it('prints the 2.x request sequence of every example event, one JSON line each', () => {
    const { code, lines } = cli(['map', examples])
    expect(code).toBe(0)
    expect(lines).toHaveLength(18)
    expect(lines[0]).toMatchObject({
      line: 1,
      type: 'identify',
      status: 'mapped',
      requests: [
        { method: 'POST', path: '/contacts/search' },
        {
          method: 'POST',
          path: '/contacts',
          body: expect.objectContaining({ role: 'user', external_id: 'su3r73' }),
        },
        {
          method: 'POST',
          path: '/companies',
          body: { company_id: '123', name: 'Iñigo & Friends Holding Company' },
        },
        { method: 'POST', path: expect.stringMatching(/^\/contacts\/\w+\/companies$/) },
      ],
    })
    expect(lines[1]).toMatchObject({ type: 'page', status: 'skipped', reason: 'unsupported_type' })
  })

  it('--api-version 1.4 prints one request per call', () => {
    const { lines } = cli(['map', '--api-version', '1.4', examples])
    const identify = lines[0] as { requests: { path: string; body: Record<string, unknown> }[] }
    expect(identify.requests).toHaveLength(1)
    expect(identify.requests[0]).toMatchObject({
      path: '/users',
      body: { user_id: 'su3r73', signed_up_at: 1522086291 },
    })
  })

  it('--target messenger and --target mobile print calls (the messenger session boots once)', () => {
    const web = cli(['map', '--target', 'messenger', examples]).lines
    expect(web[0]).toMatchObject({ calls: [{ method: 'boot' }] })
    expect(web[1]).toMatchObject({ calls: [{ method: 'update' }] })
    expect(web.at(-1)).toMatchObject({
      type: 'reset',
      calls: [{ method: 'shutdown' }, { method: 'boot' }],
    })
    const mobile = cli(['map', '--target', 'mobile', examples]).lines
    expect(mobile[0]).toMatchObject({
      calls: [
        {
          method: 'loginUserWithUserAttributes',
          args: [{ userId: 'su3r73', email: 'avenger@example.com' }],
        },
        { method: 'updateUser' },
      ],
    })
  })

  it('reads stdin and JSON arrays; reports bad lines with their number and goes on', () => {
    const input =
      '{"type":"track","userId":"u","event":"A","timestamp":1}\nnot json\n{"type":"nope"}\n'
    const { code, lines, stderr } = cli(['map', '-'], input)
    expect(code).toBe(1)
    expect(lines.map((l) => [l.line, l.status])).toEqual([
      [1, 'mapped'],
      [2, 'unreadable'],
      [3, 'invalid'],
    ])
    expect(stderr).toContain('line 2: not JSON')
    const array = cli(['map'], JSON.stringify([{ type: 'page' }, { type: 'reset' }]))
    expect(array.lines.map((l) => l.line)).toEqual([1, 2])
  })

  it('rejects unknown options with usage text and exit code 2', () => {
    const r = cli(['map', '--bogus'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('Unknown option --bogus')
    const help = spawnSync(process.execPath, ['dist/cli.js', '--help'], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('segment-intercom replay')
  })
})

describe('segment-intercom replay', () => {
  it('delivers the examples to the emulator, retries the early track, prints the final state', () => {
    const { code, lines, stderr } = cli(['replay', examples])
    expect(code).toBe(0)
    const outcomes = lines.filter((l) => 'outcome' in l)
    expect(outcomes.find((l) => l.line === 6 && !('retry' in l))).toMatchObject({
      outcome: { status: 'retry', code: 'contact_not_found' },
    })
    expect(outcomes.find((l) => l.line === 6 && l.retry === 1)).toMatchObject({
      outcome: { status: 'delivered' },
    })
    const state = lines.at(-1)?.state as { contacts: { external_id: string }[]; events: unknown[] }
    expect(state.contacts.map((c) => c.external_id).sort()).toEqual(
      [
        '019mr8mf4r',
        '4832094283057439285723523452345',
        'some_user_id',
        'su3r73',
        'teemo',
        'user-42',
      ].sort(),
    )
    expect(state.events).toHaveLength(4) // lines 3, 4, 6 (after its retry) and 13; 15 is disabled
    expect(stderr).toMatch(/13 delivered, 0 still to retry, 0 failed, 5 not sent, 0 unreadable/)
  })
})
