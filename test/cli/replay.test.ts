// `segment-intercom replay` (src/cli/replay.ts), run as the built command.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Outcome } from '../../src/index.js'
import { cli, examples, identify, ndjson, root, track } from './run-cli.js'

const totalsOf = (lines: Record<string, unknown>[]) => lines.at(-1)?.totals

// No identify for "ghost": its track stays `retry` (contact_not_found) after the retry.
const undelivered = ndjson([track('ghost', 'Boo')])
const invalid = ndjson([identify('u'), { type: 'nope' }])
const unreadable = `${JSON.stringify(identify('u'))}\nnot json\n`
// Replay's emulator requires defined attributes: with unknownAttributes 'fail', a custom trait fails.
const failing = ndjson([{ ...identify('u'), traits: { plan: 'pro' } }])
const noCreate = ['--settings', '{"unknownAttributes":"fail"}']

describe('segment-intercom replay', () => {
  it('delivers the examples, one line per event with its attempts, then the state, then totals', () => {
    const { code, lines, stderr } = cli(['replay', examples])
    expect(code).toBe(0)
    expect(lines).toHaveLength(20)
    const outcomes = lines.slice(0, 18)
    expect(outcomes.map((l) => l.line)).toEqual([...Array(18).keys()].map((i) => i + 1))
    // Line 6 tracks a user whose identify comes on line 7: retried after it, delivered.
    expect(outcomes[5]).toMatchObject({ line: 6, attempts: 2, outcome: { status: 'delivered' } })
    const sent = outcomes.filter((l) => (l.outcome as Outcome).status !== 'not_sent')
    expect(sent.filter((l) => l.attempts !== 1).map((l) => l.line)).toEqual([6])
    // Nothing is sent for a skipped event: no attempt.
    const skipped = outcomes.filter((l) => (l.outcome as Outcome).status === 'not_sent')
    expect(skipped.map((l) => [l.line, l.attempts])).toEqual([2, 15, 16, 17, 18].map((n) => [n, 0]))
    const state = lines[18]?.state as { contacts: { external_id: string }[]; events: unknown[] }
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
    expect(lines[19]).toEqual({
      totals: {
        events: 18,
        delivered: 13,
        skipped: 5,
        invalid: 0,
        failed: 0,
        undelivered: 0,
        unreadable: 0,
      },
    })
    expect(stderr).toBe(
      'segment-intercom: 18 events: 13 delivered, 5 skipped, 0 invalid, 0 failed, 0 undelivered (still retry), 0 unreadable\n',
    )
  })

  it('reads stdin for - and for no FILE, like map', () => {
    const input = readFileSync(`${root}${examples}`, 'utf8')
    const fromFile = cli(['replay', examples])
    for (const args of [['replay', '-'], ['replay']]) {
      const fromStdin = cli(args, input)
      expect(fromStdin.code).toBe(0)
      expect(fromStdin.lines).toEqual(fromFile.lines)
    }
  })

  it('delivers through deliverAll: users concurrently, each user’s events in input order', () => {
    const users = ['a', 'b', 'c', 'd', 'e', 'f']
    const events = [
      ...users.map((u) => identify(u)),
      ...[0, 1, 2, 3].flatMap((n) =>
        users.map((u) => ({ ...track(u, `Step ${n}`), properties: { n } })),
      ),
    ]
    const r = cli(['replay', '--search-lag', '3', '-'], ndjson(events))
    expect(r.code).toBe(0)
    const state = r.lines.at(-2)?.state as {
      contacts: { id: string; external_id: string }[]
      events: { contactId: string; metadata: { n: number } }[]
    }
    const userOf = new Map(state.contacts.map((c) => [c.id, c.external_id]))
    for (const u of users) {
      const ns = state.events.filter((e) => userOf.get(e.contactId) === u).map((e) => e.metadata.n)
      expect(ns).toEqual([0, 1, 2, 3])
    }
  })

  it('waits out its backoffs on the emulator’s virtual clock, not in real time', () => {
    // Ten retries of a contact_not_found back off for about two minutes of virtual time.
    const started = Date.now()
    const r = cli(['replay', '--retries', '10', '-'], ndjson([track('ghost', 'Boo')]))
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(r.lines[0]).toMatchObject({ attempts: 11, outcome: { status: 'retry' } })
  })
})

describe('replay exit codes', () => {
  it('0 when every event is delivered or skipped', () => {
    const r = cli(['replay', '-'], ndjson([identify('u'), track('u', 'A'), { type: 'page' }]))
    expect(r.code).toBe(0)
    expect(totalsOf(r.lines)).toMatchObject({ delivered: 2, skipped: 1 })
  })

  it('1 when an event fails', () => {
    const r = cli(['replay', ...noCreate, '-'], failing)
    expect(r.lines[0]).toMatchObject({ outcome: { status: 'failed', code: 'attribute_not_found' } })
    expect(totalsOf(r.lines)).toMatchObject({ failed: 1 })
    expect(r.code).toBe(1)
  })

  it('1 when an event is invalid (not_sent with an invalid mapping)', () => {
    const r = cli(['replay', '-'], invalid)
    expect(r.lines[1]).toMatchObject({
      outcome: { status: 'not_sent', mapping: { status: 'invalid' } },
    })
    expect(totalsOf(r.lines)).toMatchObject({ delivered: 1, invalid: 1, skipped: 0 })
    expect(r.code).toBe(1)
  })

  it('1 when an event is still `retry` after its retries, however many rounds', () => {
    for (const retries of ['0', '1', '3']) {
      const r = cli(['replay', '--retries', retries, '-'], undelivered)
      expect(r.lines[0]).toMatchObject({
        attempts: Number(retries) + 1,
        outcome: { status: 'retry', code: 'contact_not_found' },
      })
      expect(totalsOf(r.lines)).toMatchObject({ undelivered: 1 })
      expect(r.code).toBe(1)
    }
  })

  it('1 when a line is not JSON; the other lines are delivered', () => {
    const r = cli(['replay', '-'], unreadable)
    expect(r.lines.slice(0, 2)).toMatchObject([
      { line: 1, outcome: { status: 'delivered' } },
      { line: 2, status: 'unreadable' },
    ])
    expect(r.stderr).toContain('stdin line 2: not JSON')
    expect(r.code).toBe(1)
  })

  it('--exit-zero exits 0 with the same output', () => {
    for (const [args, input] of [
      [noCreate, failing],
      [[], invalid],
      [[], undelivered],
      [[], unreadable],
    ] as const) {
      const strict = cli(['replay', ...args, '-'], input)
      const lenient = cli(['replay', ...args, '--exit-zero', '-'], input)
      expect(strict.code).toBe(1)
      expect(lenient.code).toBe(0)
      expect(lenient.stdout).toBe(strict.stdout)
    }
  })
})
