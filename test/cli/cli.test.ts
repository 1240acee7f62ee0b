import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Outcome } from '../../src/index.js'
import { cli, examples, identify, ndjson, root, track } from './run-cli.js'

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
