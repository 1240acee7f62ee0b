// `segment-intercom map` (src/cli/map.ts), run as the built command.
import { describe, expect, it } from 'vitest'
import { cli, examples, identify, ndjson, track } from './run-cli.js'

const totalsOf = (lines: Record<string, unknown>[]) => lines.at(-1)?.totals

// No identify for "ghost": replay would leave its track undelivered.
const undelivered = ndjson([track('ghost', 'Boo')])
const invalid = ndjson([identify('u'), { type: 'nope' }])
const unreadable = `${JSON.stringify(identify('u'))}\nnot json\n`

describe('segment-intercom map', () => {
  it('prints the 2.x request sequence of every example event, one JSON line each, then totals', () => {
    const { code, lines, stderr } = cli(['map', examples])
    expect(code).toBe(0)
    expect(lines).toHaveLength(19)
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
    expect(lines.slice(0, 18).map((l) => l.line)).toEqual([...Array(18).keys()].map((i) => i + 1))
    expect(lines.at(-1)).toEqual({
      totals: { events: 18, mapped: 13, skipped: 5, invalid: 0, unreadable: 0 },
    })
    expect(stderr).toBe(
      'segment-intercom: 18 events: 13 mapped, 5 skipped, 0 invalid, 0 unreadable\n',
    )
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
    expect(web.at(-2)).toMatchObject({
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
})

describe('map exit codes', () => {
  it('0 when every event is mapped or skipped', () => {
    const r = cli(['map', '-'], ndjson([identify('u'), { type: 'screen', userId: 'u', name: 'S' }]))
    expect(totalsOf(r.lines)).toMatchObject({ mapped: 1, skipped: 1 })
    expect(r.code).toBe(0)
  })

  it('1 when an event is invalid, for every target', () => {
    for (const target of ['rest', 'messenger', 'mobile']) {
      const r = cli(['map', '--target', target, '-'], invalid)
      expect(r.lines[1]).toMatchObject({ line: 2, status: 'invalid' })
      expect(totalsOf(r.lines)).toMatchObject({ invalid: 1 })
      expect(r.code).toBe(1)
      expect(cli(['map', '--target', target, '--exit-zero', '-'], invalid).code).toBe(0)
    }
  })

  it('1 when a line is not JSON', () => {
    const r = cli(['map', '-'], unreadable)
    expect(r.lines.map((l) => l.status)).toEqual(['mapped', 'unreadable', undefined])
    expect(r.code).toBe(1)
  })

  it('an event the replay would not deliver still maps: map exits 0 for it', () => {
    // Mapping cannot know the contact is missing: only delivery finds out.
    expect(cli(['map', '-'], undelivered).code).toBe(0)
  })
})
