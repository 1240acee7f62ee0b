import { afterEach, describe, expect, it, vi } from 'vitest'
import { type Deliverable, deliver } from '../../src/rest/deliver.js'
import { toRest } from '../../src/rest/to-rest.js'
import type { Exchange, IntercomRequest, IntercomResponse, Send } from '../../src/rest/types.js'
import type { MapOptions } from '../../src/types.js'

const T = '2020-01-01T00:00:00Z'
const TRACK = {
  type: 'track',
  userId: 'u1',
  event: 'Order Completed',
  timestamp: T,
  properties: { gift: true },
}
const NOW_MS = 1_700_000_000_000

function mapping(event: Record<string, unknown> = TRACK, options: MapOptions = {}) {
  return toRest(event, { ...options, settings: { apiVersion: '1.4' } })
}

/** A transport that answers with `response` and records what it was asked. */
function answering(response: IntercomResponse | (() => Promise<IntercomResponse>)) {
  const sent: IntercomRequest[] = []
  const send: Send = (req) => {
    sent.push(req)
    return typeof response === 'function' ? response() : Promise.resolve(response)
  }
  return { sent, send }
}

describe('deliver: delivered', () => {
  it("sends the mapping's request once and resolves delivered with its warnings", async () => {
    const m = mapping()
    const { sent, send } = answering({ status: 202 })
    const outcome = await deliver(m, send)
    expect(outcome).toEqual({
      status: 'delivered',
      learned: { version: 1 },
      requests: 1,
      warnings: [
        {
          code: 'converted',
          path: 'properties.gift',
          message: 'Intercom event metadata has no booleans; sent as text',
        },
      ],
    })
    expect(sent).toEqual([
      {
        method: 'POST',
        url: 'https://api.intercom.io/events',
        path: '/events',
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/json',
          'Intercom-Version': '1.4',
        },
        body: {
          event_name: 'Order Completed',
          created_at: 1577836800,
          user_id: 'u1',
          metadata: { gift: 'true' },
        },
      },
    ])
  })

  it('delivers the same mapping again with a fresh conversation', async () => {
    const m = mapping()
    const { sent, send } = answering({ status: 200, body: {} })
    expect((await deliver(m, send)).status).toBe('delivered')
    expect((await deliver(m, send)).status).toBe('delivered')
    expect(sent).toHaveLength(2)
    expect(sent[1]).toEqual(sent[0])
  })

  it('runs every step of a multi-request exchange and returns its outcome', async () => {
    const requests: IntercomRequest[] = [
      { method: 'GET', url: 'https://api.intercom.io/a', path: '/a', headers: {} },
      { method: 'GET', url: 'https://api.intercom.io/b', path: '/b', headers: {} },
    ]
    const seen: unknown[] = []
    const custom: Deliverable = {
      status: 'mapped',
      *exchange(): Exchange {
        for (const r of requests) seen.push((yield r).status)
        return { status: 'delivered', requests: 2, warnings: [], learned: { version: 1 } }
      },
    }
    let n = 200
    const send: Send = async () => ({ status: n++ })
    expect(await deliver(custom, send)).toEqual({
      status: 'delivered',
      requests: 2,
      warnings: [],
      learned: { version: 1 },
    })
    expect(seen).toEqual([200, 201])
  })
})

describe('deliver: rate limits', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  const limited: IntercomResponse = { status: 429, headers: { 'x-ratelimit-reset': '1700000010' } }

  it('gives retryAt from X-RateLimit-Reset and retryAfterMs relative to options.now (epoch ms)', async () => {
    const outcome = await deliver(mapping(TRACK, { now: NOW_MS }), answering(limited).send)
    expect(outcome).toEqual({
      status: 'retry',
      learned: { version: 1 },
      code: 'rate_limited',
      message: 'POST /events answered 429',
      retryAt: 1_700_000_010_000,
      retryAfterMs: 10_000,
    })
  })

  it('accepts options.now as a Date', async () => {
    const outcome = await deliver(
      mapping(TRACK, { now: new Date(NOW_MS + 4_000) }),
      answering(limited).send,
    )
    expect(outcome).toMatchObject({ retryAt: 1_700_000_010_000, retryAfterMs: 6_000 })
  })

  it('without options.now, measures retryAfterMs from the clock at delivery', async () => {
    vi.useFakeTimers()
    vi.setSystemTime(NOW_MS + 2_500)
    const m = mapping()
    // The mapping itself reads no clock: only the delivery time counts.
    vi.setSystemTime(NOW_MS + 7_250)
    const outcome = await deliver(m, answering(limited).send)
    expect(outcome).toEqual({
      status: 'retry',
      learned: { version: 1 },
      code: 'rate_limited',
      message: 'POST /events answered 429',
      retryAt: 1_700_000_010_000,
      retryAfterMs: 2_750,
    })
  })

  it('without options.now, never gives a negative retryAfterMs', async () => {
    vi.useFakeTimers()
    vi.setSystemTime(NOW_MS + 60_000)
    expect(await deliver(mapping(), answering(limited).send)).toMatchObject({
      retryAt: 1_700_000_010_000,
      retryAfterMs: 0,
    })
  })
})

describe('deliver: failures', () => {
  it.each([
    [{ status: 500 }, { status: 'retry', code: 'server_error' }],
    [{ status: 503 }, { status: 'retry', code: 'server_error' }],
    [{ status: 408 }, { status: 'retry', code: 'timeout' }],
    [{ status: 404 }, { status: 'retry', code: 'contact_not_found' }],
    [{ status: 401 }, { status: 'failed', code: 'unauthorized' }],
    [{ status: 403 }, { status: 'failed', code: 'forbidden' }],
    [
      {
        status: 422,
        body: {
          errors: [
            { code: 'parameter_invalid', message: 'Cannot have more than 120 active event names' },
          ],
        },
      },
      { status: 'failed', code: 'event_name_limit' },
    ],
    [
      {
        status: 400,
        body: { type: 'error.list', errors: [{ code: 'parameter_invalid', message: 'bad' }] },
      },
      {
        status: 'failed',
        code: 'rejected',
        errors: [{ code: 'parameter_invalid', message: 'bad' }],
      },
    ],
  ])('%j → %j', async (response, expected) => {
    expect(await deliver(mapping(), answering(response as IntercomResponse).send)).toMatchObject(
      expected,
    )
  })

  it('a send that rejects → retry transport_error, naming the request and the error', async () => {
    const send: Send = () => Promise.reject(new Error('ECONNRESET'))
    expect(await deliver(mapping(), send)).toEqual({
      status: 'retry',
      learned: { version: 1 },
      code: 'transport_error',
      message: 'POST /events was not answered: ECONNRESET',
    })
  })

  it('a send that throws synchronously or rejects with a non-Error → retry transport_error', async () => {
    const throwing: Send = () => {
      throw new TypeError('fetch is not defined')
    }
    expect(await deliver(mapping(), throwing)).toMatchObject({
      status: 'retry',
      code: 'transport_error',
    })
    const weird: Send = () => Promise.reject('timeout')
    expect(await deliver(mapping(), weird)).toEqual({
      status: 'retry',
      learned: { version: 1 },
      code: 'transport_error',
      message: 'POST /events was not answered: timeout',
    })
  })

  it('a malformed response (no status) → failed unexpected_response', async () => {
    for (const bad of [undefined, {}, { status: 'ok' }, 'OK']) {
      const send = (async () => bad) as unknown as Send
      expect(await deliver(mapping(), send)).toEqual({
        status: 'failed',
        learned: { version: 1 },
        code: 'unexpected_response',
        message: 'POST /events: the transport returned no response status',
      })
    }
  })

  it('never rejects, even when the exchange itself throws', async () => {
    const broken: Deliverable = {
      status: 'mapped',
      exchange(): Exchange {
        throw new Error('bug')
      },
    }
    await expect(deliver(broken, answering({ status: 200 }).send)).resolves.toEqual({
      status: 'failed',
      learned: { version: 1 },
      code: 'internal_error',
      message: 'bug',
    })
  })
})

describe('deliver: not sent', () => {
  it('returns not_sent with a skipped mapping, without calling send', async () => {
    const m = mapping({ type: 'page', userId: 'u1' })
    const { sent, send } = answering({ status: 200 })
    const outcome = await deliver(m, send)
    expect(outcome).toEqual({ status: 'not_sent', mapping: m, learned: { version: 1 } })
    expect(outcome.status === 'not_sent' && outcome.mapping).toBe(m)
    expect(sent).toEqual([])
  })

  it('returns not_sent with an invalid mapping', async () => {
    const m = mapping({ type: 'track', userId: 'u1', event: 'E' })
    expect(m.status).toBe('invalid')
    const { sent, send } = answering({ status: 200 })
    expect(await deliver(m, send)).toEqual({
      status: 'not_sent',
      mapping: m,
      learned: { version: 1 },
    })
    expect(sent).toEqual([])
  })
})

describe('deliver: retry delays to the millisecond', () => {
  it('retryAfterMs is measured from options.now to the millisecond, not from options.now floored to seconds', async () => {
    const now = 1_700_000_000_500
    const m = toRest(
      { type: 'track', userId: 'u1', event: 'E', timestamp: T },
      { settings: { apiVersion: '1.4' }, now },
    )
    const reset = await deliver(m, async () => ({
      status: 429,
      headers: { 'X-RateLimit-Reset': '1700000010' },
    }))
    expect(reset).toMatchObject({ retryAt: 1_700_000_010_000, retryAfterMs: 9_500 })
    const after = await deliver(m, async () => ({ status: 429, headers: { 'Retry-After': '7' } }))
    expect(after).toMatchObject({ retryAfterMs: 7_000, retryAt: now + 7_000 })
  })
})
