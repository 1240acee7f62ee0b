/** The REST kernel on its own: call, Stop, converse, single, and the drive loop. */
import { describe, expect, it } from 'vitest'
import { drive } from '../../src/rest/drive.js'
import { endpoint } from '../../src/rest/endpoint.js'
import {
  type Conversation,
  type ConversationSetup,
  call,
  converse,
  idOf,
  listOf,
  type Step,
  Stop,
  single,
  writtenId,
} from '../../src/rest/kernel.js'
import type { Exchange, IntercomRequest, IntercomResponse } from '../../src/rest/types.js'
import { DEFAULT_SETTINGS } from '../../src/settings/resolve.js'
import type { Warning } from '../../src/types.js'

const settings = { ...DEFAULT_SETTINGS, apiVersion: '2.16' } as const
const warning: Warning = { code: 'truncated', path: 'traits.bio', message: 'cut' }
const setup: ConversationSetup = { settings, nowMs: 1_000_000, warnings: [warning] }
const A = endpoint(settings, 'GET', '/a')
const B = endpoint(settings, 'POST', '/b', { x: 1 })

/** Drives synchronously, answering each request from `answers` in order. */
function run(exchange: Exchange, answers: unknown[]) {
  const sent: IntercomRequest[] = []
  const outcome = drive(exchange, (request) => {
    sent.push(request)
    return answers[sent.length - 1] as IntercomResponse
  })
  return { sent, outcome }
}

describe('call', () => {
  it('counts every request it yields, including those the caller handles', () => {
    let seen: Conversation | undefined
    const { outcome } = run(
      converse(setup, function* (c): Step<void> {
        seen = c
        const a = yield* call(c, A)
        if (a instanceof Stop) return a
        const b = yield* call(c, B, [404])
        if (b instanceof Stop) return b
        expect(b.status).toBe(404)
      }),
      [{ status: 200 }, { status: 404 }],
    )
    expect(seen?.requests).toBe(2)
    expect(outcome).toEqual({
      status: 'delivered',
      requests: 2,
      warnings: [warning],
      learned: { version: 1 },
    })
  })

  it('turns a non-2xx answer into a Stop carrying the classified outcome', () => {
    const { sent, outcome } = run(
      converse(setup, function* (c): Step<void> {
        const a = yield* call(c, A)
        if (a instanceof Stop) return a
        yield* call(c, B) // never reached
      }),
      [{ status: 503 }],
    )
    expect(sent).toEqual([A])
    expect(outcome).toEqual({
      status: 'retry',
      learned: { version: 1 },
      code: 'server_error',
      message: 'GET /a answered 503',
    })
  })

  it('hands the caller only the answers it accepts; a 429 is still a stop', () => {
    const handled: number[] = []
    const script = function* (c: Conversation): Step<void> {
      for (;;) {
        const r = yield* call(c, A, (response) => response.status === 409)
        if (r instanceof Stop) return r
        handled.push(r.status)
      }
    }
    const { outcome } = run(converse(setup, script), [
      { status: 200 },
      { status: 409 },
      { status: 429, headers: { 'x-ratelimit-reset': '1001' } },
    ])
    expect(handled).toEqual([200, 409])
    expect(outcome).toMatchObject({
      status: 'retry',
      code: 'rate_limited',
      retryAt: 1_001_000,
      retryAfterMs: 1_001_000 - 1_000_000,
    })
  })

  it('never hands a non-response to the caller, even when it accepts every status', () => {
    const { outcome } = run(
      converse(setup, function* (c): Step<void> {
        const r = yield* call(c, A, () => true)
        if (r instanceof Stop) return r
        throw new Error('a non-response reached the step')
      }),
      ['not a response'],
    )
    expect(outcome).toEqual({
      status: 'failed',
      learned: { version: 1 },
      code: 'unexpected_response',
      message: 'GET /a: the transport returned no response status',
    })
  })
})

describe('Stop', () => {
  it('is recognised by its class, not its shape: a body shaped like an outcome is a value', () => {
    const lookalike = { status: 'failed', code: 'rejected', message: 'from a response body' }
    const { outcome } = run(
      converse(setup, function* (c): Step<void> {
        const r = yield* call(c, A)
        if (r instanceof Stop) return r
        expect(r.body).toEqual(lookalike)
        expect(r.body instanceof Stop).toBe(false)
      }),
      [{ status: 200, body: lookalike }],
    )
    expect(outcome.status).toBe('delivered')
  })

  it("a script's own Stop is the exchange's outcome, with what it learned", () => {
    const end = { status: 'retry', code: 'contact_not_found', message: 'later' } as const
    const { outcome } = run(
      converse(setup, function* (c): Step<void> {
        const r = yield* call(c, A)
        if (r instanceof Stop) return r
        return new Stop(end)
      }),
      [{ status: 200 }],
    )
    expect(outcome).toEqual({ ...end, learned: { version: 1 } })
  })
})

describe('converse', () => {
  it('starts every exchange with a fresh conversation: warnings and counts do not leak', () => {
    const script = function* (c: Conversation): Step<void> {
      c.warnings.push({ code: 'not_attached', path: 'traits.company', message: 'added' })
      const r = yield* call(c, A)
      if (r instanceof Stop) return r
    }
    const first = run(converse(setup, script), [{ status: 200 }]).outcome
    const second = run(converse(setup, script), [{ status: 200 }]).outcome
    expect(second).toEqual(first)
    expect(first).toEqual({
      status: 'delivered',
      learned: { version: 1 },
      requests: 1,
      warnings: [warning, { code: 'not_attached', path: 'traits.company', message: 'added' }],
    })
    expect(setup.warnings).toEqual([warning])
  })
})

describe('single', () => {
  it('sends one request and ends delivered on 2xx', () => {
    const { sent, outcome } = run(converse(setup, single(B)), [{ status: 202 }])
    expect(sent).toEqual([B])
    expect(outcome).toEqual({
      status: 'delivered',
      requests: 1,
      warnings: [warning],
      learned: { version: 1 },
    })
  })

  it('ends with the classified outcome otherwise', () => {
    const { outcome } = run(converse(setup, single(B)), [{ status: 401 }])
    expect(outcome).toMatchObject({ status: 'failed', code: 'unauthorized' })
  })
})

describe('idOf and listOf', () => {
  it('read the id and the list, and stop failed unexpected_response naming what is missing', () => {
    expect(idOf(B, { status: 200, body: { id: 'c1' } })).toBe('c1')
    for (const body of [undefined, {}, { id: '' }, { id: 7 }]) {
      const got = idOf(B, { status: 200, body })
      expect(got).toBeInstanceOf(Stop)
      expect((got as Stop).outcome).toEqual({
        status: 'failed',
        code: 'unexpected_response',
        message: 'POST /b: the answer has no "id"',
      })
    }
    expect(listOf(A, { status: 200, body: { data: [{ id: 'x', n: 1 }] } })).toEqual([
      { id: 'x', n: 1 },
    ])
    expect((listOf(A, { status: 200, body: { data: {} } }) as Stop).outcome.message).toBe(
      'GET /a: the answer is not a list',
    )
    expect((listOf(A, { status: 200, body: { data: [{}] } }) as Stop).outcome.message).toBe(
      'GET /a: a listed item has no "id"',
    )
  })
})

describe('writtenId', () => {
  it("requires a write's id when a later step needs it, else warns at the path and goes on", () => {
    const ids: unknown[] = []
    const noId: IntercomResponse = { status: 200, body: {} }
    const { outcome } = run(
      converse(setup, function* (c): Step<void> {
        const sent = yield* call(c, B)
        if (sent instanceof Stop) return sent
        ids.push(writtenId(c, B, sent, false, 'userId'), writtenId(c, B, noId, false, 'groupId'))
        const needed = writtenId(c, B, noId, true, 'userId')
        ids.push(needed)
        if (needed instanceof Stop) return needed
      }),
      [{ status: 200, body: { id: 'c1' } }],
    )
    expect(ids.slice(0, 2)).toEqual(['c1', undefined])
    expect(ids[2]).toBeInstanceOf(Stop)
    expect(outcome).toMatchObject({ status: 'failed', code: 'unexpected_response' })
    const delivered = run(
      converse(setup, function* (c): Step<void> {
        const sent = yield* call(c, B)
        if (sent instanceof Stop) return sent
        writtenId(c, B, sent, false, 'groupId')
      }),
      [noId],
    ).outcome
    expect(delivered).toEqual({
      status: 'delivered',
      requests: 1,
      warnings: [
        warning,
        {
          code: 'incomplete_response',
          path: 'groupId',
          message: 'POST /b: the answer has no "id"; the write happened and nothing later needs it',
        },
      ],
      learned: { version: 1 },
    })
  })
})

describe('drive', () => {
  const two = () =>
    converse(setup, function* (c): Step<void> {
      for (const request of [A, B]) {
        const r = yield* call(c, request)
        if (r instanceof Stop) return r
      }
    })

  it('stays synchronous with a synchronous transport', () => {
    const outcome = drive(two(), () => ({ status: 200 }))
    expect(outcome).toEqual({
      status: 'delivered',
      requests: 2,
      warnings: [warning],
      learned: { version: 1 },
    })
  })

  it('returns a promise once the transport does, and may mix both', async () => {
    let n = 0
    const result = drive(two(), (): IntercomResponse | Promise<IntercomResponse> =>
      n++ === 0 ? { status: 200 } : Promise.resolve({ status: 200 }),
    )
    expect(result).toBeInstanceOf(Promise)
    expect(await result).toEqual({
      status: 'delivered',
      requests: 2,
      warnings: [warning],
      learned: { version: 1 },
    })
  })

  it('ends retry transport_error when send throws or rejects, and closes the exchange', async () => {
    for (const send of [
      () => {
        throw new Error('socket hang up')
      },
      () => Promise.reject(new Error('socket hang up')),
    ]) {
      const ex = two()
      const outcome = await drive(ex, send)
      expect(outcome).toEqual({
        status: 'retry',
        learned: { version: 1 },
        code: 'transport_error',
        message: 'GET /a was not answered: socket hang up',
      })
      expect(ex.next().done).toBe(true)
    }
  })

  it('names the request that was not answered, after earlier ones were', async () => {
    let n = 0
    const outcome = await drive(two(), () =>
      n++ === 0 ? Promise.resolve({ status: 200 }) : Promise.reject('reset'),
    )
    expect(outcome).toEqual({
      status: 'retry',
      learned: { version: 1 },
      code: 'transport_error',
      message: 'POST /b was not answered: reset',
    })
  })

  it('ends failed internal_error when the exchange itself throws', () => {
    const broken = (function* (): Exchange {
      yield A
      throw new Error('bug')
    })()
    expect(drive(broken, () => ({ status: 200 }))).toEqual({
      status: 'failed',
      learned: { version: 1 },
      code: 'internal_error',
      message: 'bug',
    })
  })
})
