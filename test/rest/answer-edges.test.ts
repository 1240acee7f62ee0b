// How an exchange reads Intercom's answers at the edges of each rule: status boundaries,
// rate-limit headers, the missing-attribute and 409 texts. Through toRest() and deliver().
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  deliver,
  type IntercomRequest,
  type IntercomResponse,
  type MapOptions,
  type Outcome,
  toRest,
} from '../../src/index.js'

const NOW = Date.parse('2026-03-02T10:00:00.000Z')
const track = { type: 'track', userId: 'u1', event: 'E', timestamp: '2026-03-02T10:00:00Z' }
const errors = (message: string, code = 'parameter_invalid') => ({
  type: 'error.list',
  errors: [{ code, message }],
})

async function answer(
  event: unknown,
  replies: (IntercomResponse | ((r: IntercomRequest) => IntercomResponse))[],
  options?: MapOptions,
): Promise<{ outcome: Outcome; sent: IntercomRequest[] }> {
  const sent: IntercomRequest[] = []
  const outcome = await deliver(toRest(event, options), async (r) => {
    sent.push(r)
    const reply = replies[sent.length - 1] ?? { status: 200, body: { id: `id${sent.length}` } }
    return typeof reply === 'function' ? reply(r) : reply
  })
  return { outcome, sent }
}

const codeOf = (o: Outcome) => (o.status === 'retry' || o.status === 'failed' ? o.code : o.status)

afterEach(() => vi.useRealTimers())

describe('status boundaries', () => {
  it.each([
    [199, 'unexpected_response'],
    [200, 'delivered'],
    [299, 'delivered'],
    [300, 'unexpected_response'],
    [399, 'unexpected_response'],
    [400, 'rejected'],
    [404, 'contact_not_found'],
    [408, 'timeout'],
    [499, 'rejected'],
    [500, 'server_error'],
  ])('a track answered %i is %s', async (status, code) => {
    const { outcome } = await answer(track, [{ status, body: {} }])
    expect(codeOf(outcome)).toBe(code)
  })

  it('a status that is not an integer is no answer', async () => {
    const { outcome } = await answer(track, [{ status: 200.5, body: {} }])
    expect(outcome).toMatchObject({ status: 'failed', code: 'unexpected_response' })
  })

  it('a 404 is contact_not_found only for POST /events', async () => {
    const identify = { type: 'identify', userId: 'u1' }
    const { outcome } = await answer(identify, [
      { status: 200, body: { type: 'list', data: [] } },
      { status: 404, body: errors('Not found', 'not_found') },
    ])
    expect(outcome).toMatchObject({ status: 'failed', code: 'rejected' })
  })

  it('the event-name limit is read only from a 400 or 422', async () => {
    const limit = errors('Cannot have more than 120 active event names')
    expect(codeOf((await answer(track, [{ status: 422, body: limit }])).outcome)).toBe(
      'event_name_limit',
    )
    expect(codeOf((await answer(track, [{ status: 409, body: limit }])).outcome)).toBe('rejected')
  })
})

describe('rate limits', () => {
  it('Retry-After: 0 means now', async () => {
    const { outcome } = await answer(track, [{ status: 429, headers: { 'Retry-After': '0' } }], {
      now: NOW,
    })
    expect(outcome).toMatchObject({
      status: 'retry',
      code: 'rate_limited',
      retryAfterMs: 0,
      retryAt: NOW,
    })
  })

  it('a negative or non-numeric Retry-After is ignored', async () => {
    for (const value of ['-1', 'soon']) {
      const { outcome } = await answer(
        track,
        [{ status: 429, headers: { 'Retry-After': value } }],
        {
          now: NOW,
        },
      )
      expect(outcome).toEqual({
        status: 'retry',
        code: 'rate_limited',
        message: expect.any(String),
        learned: { version: 1 },
      })
    }
  })

  it('without options.now, Retry-After is turned into retryAt from the clock, once', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] })
    const { outcome } = await answer(
      { ...track, timestamp: undefined, properties: {} },
      [{ status: 429, headers: { 'retry-after': '3' } }],
      { now: NOW },
    )
    expect(outcome).toMatchObject({ retryAfterMs: 3000, retryAt: NOW + 3000 })
    const clock = await answer(track, [{ status: 429, headers: { 'retry-after': '3' } }])
    expect(clock.outcome).toMatchObject({ retryAfterMs: 3000, retryAt: NOW + 3000 })
  })

  it('without options.now, X-RateLimit-Reset gets its retryAfterMs from the clock', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] })
    const reset = String(NOW / 1000 + 7)
    const { outcome } = await answer(track, [
      { status: 429, headers: { 'X-RateLimit-Reset': reset } },
    ])
    expect(outcome).toMatchObject({ retryAt: NOW + 7000, retryAfterMs: 7000 })
  })

  it('a delivered or failed outcome gets no retry times', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] })
    expect((await answer(track, [{ status: 200, body: {} }])).outcome).toEqual({
      status: 'delivered',
      requests: 1,
      warnings: [],
      learned: { version: 1 },
    })
    const failed = (await answer(track, [{ status: 401, body: {} }])).outcome
    expect(failed).not.toHaveProperty('retryAt')
    expect(failed).not.toHaveProperty('retryAfterMs')
  })
})

describe('missing attributes', () => {
  // With unknownAttributes 'fail' the outcome names the attribute ('drop' would resend).
  const identify = { type: 'identify', userId: 'u1', traits: { score: 1.5, tier: 'x' } }
  const fail = { settings: { unknownAttributes: 'fail' as const } }
  const found = { status: 200, body: { type: 'list', data: [{ id: 'c1', external_id: 'u1' }] } }
  const missing = (status: number, name = 'score'): IntercomResponse => ({
    status,
    body: errors(`Custom attribute '${name}' does not exist`),
  })

  it.each([400, 404, 422])('are read from a %i', async (status) => {
    const { outcome } = await answer(identify, [found, missing(status)], fail)
    expect(outcome).toMatchObject({
      status: 'failed',
      code: 'attribute_not_found',
      errors: [{ attribute: 'score', model: 'contact' }],
    })
  })

  it('are not read from other statuses', async () => {
    expect(codeOf((await answer(identify, [found, missing(500)])).outcome)).toBe('server_error')
    expect(codeOf((await answer(identify, [found, missing(409)])).outcome)).toBe('rejected')
  })

  it("are read from any entry of errors[], and only with the attribute's name", async () => {
    const body = {
      type: 'error.list',
      errors: [
        { code: 'x' },
        { message: "the field 'a' does not exist" },
        { message: "Custom attribute 'tier' does not exist" },
      ],
    }
    const { outcome } = await answer(identify, [found, { status: 400, body }], fail)
    expect(outcome).toMatchObject({ code: 'attribute_not_found', errors: [{ attribute: 'tier' }] })
    const none = { type: 'error.list', errors: [{ message: "the field 'a' does not exist" }] }
    expect(codeOf((await answer(identify, [found, { status: 400, body: none }])).outcome)).toBe(
      'rejected',
    )
  })

  it('are created with the data type of the value', async () => {
    const { outcome, sent } = await answer(
      identify,
      [
        found,
        missing(400, 'score'),
        { status: 200, body: {} },
        { status: 200, body: { id: 'c1' } },
      ],
      { settings: { createMissingAttributes: true } },
    )
    expect(outcome).toMatchObject({ status: 'delivered', requests: 4 })
    expect(sent[2]?.body).toEqual({ name: 'score', model: 'contact', data_type: 'float' })
  })

  it('a failed attribute creation ends the exchange', async () => {
    const { outcome, sent } = await answer(
      identify,
      [found, missing(400), { status: 503, body: {} }],
      { settings: { createMissingAttributes: true } },
    )
    expect(outcome).toMatchObject({ status: 'retry', code: 'server_error' })
    expect(sent).toHaveLength(3)
  })
})

describe("a 409 on create names the existing contact's id", () => {
  const identify = { type: 'identify', userId: 'u1' }
  const empty = { status: 200, body: { type: 'list', data: [] } }
  const conflict = (...messages: unknown[]): IntercomResponse => ({
    status: 409,
    body: {
      type: 'error.list',
      errors: messages.map((message) => ({ code: 'conflict', message })),
    },
  })

  it('the id runs to the first character that cannot be in one', async () => {
    const { sent } = await answer(identify, [
      empty,
      conflict(42, 'A contact matching those details already exists with id=6a1B_-9.'),
    ])
    expect(sent[2]?.path).toBe('/contacts/6a1B_-9')
  })

  it('the id may end the message', async () => {
    const { sent } = await answer(identify, [empty, conflict('exists with id=abc')])
    expect(sent[2]?.path).toBe('/contacts/abc')
  })

  it('an empty id is none: a later error may name it, else retry', async () => {
    const { sent } = await answer(identify, [empty, conflict('id= is taken', 'with id=z9')])
    expect(sent[2]?.path).toBe('/contacts/z9')
    const { outcome } = await answer(identify, [empty, conflict('exists with id=')])
    expect(outcome).toMatchObject({ status: 'retry', code: 'conflict' })
  })
})
