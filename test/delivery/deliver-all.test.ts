import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  createRateLimiter,
  DeliveryInputError,
  DeliveryOptionsError,
  type DeliveryProgress,
  deliverAll,
  type IntercomRequest,
  type Send,
} from '../../src/index.js'
import { createIntercomEmulator } from '../../src/testing/index.js'
import { faultySend, randomFaults, seeded } from '../helpers/faulty-send.js'
import { createVirtualClock } from '../helpers/virtual-clock.js'
import { identify, inputSeqs, storedSeqs, T0, track } from './events.js'

/** An emulator and a virtual clock that moves the emulator's time with it. */
function setup(options: Parameters<typeof createIntercomEmulator>[0] = {}) {
  const em = createIntercomEmulator(options)
  const clock = createVirtualClock(em)
  return { em, clock }
}

/** Interleaves per-user event lists round-robin: users' events overlap in the input. */
function interleave<T>(lists: T[][]): T[] {
  const out: T[] = []
  for (let i = 0; lists.some((l) => i < l.length); i++) {
    for (const l of lists) if (i < l.length) out.push(l[i] as T)
  }
  return out
}

describe('deliverAll', () => {
  it('delivers each user’s events in input order while users run concurrently', async () => {
    const { em, clock } = setup({ searchLag: 3 })
    const users = Array.from({ length: 12 }, (_, u) => `u${u}`)
    const events = interleave(
      users.map((u) => [identify(u), ...Array.from({ length: 6 }, (_, s) => track(u, s))]),
    )
    const report = await deliverAll(events, { send: em.send, clock, concurrency: 5 })
    expect(report.totals).toEqual({
      events: events.length,
      delivered: events.length,
      notSent: 0,
      failed: 0,
      gaveUp: 0,
      requests: em.requests.length,
    })
    expect(storedSeqs(em)).toEqual(inputSeqs(events))
    expect(report.results.map((r) => r.index)).toEqual(events.map((_, i) => i))
  })

  it('keeps per-user order through 5xx, rejected sends and 429s', async () => {
    const { em, clock } = setup({ searchLag: 2 })
    const send = faultySend(
      em.send,
      randomFaults({ server_error: 0.15, reject: 0.1, rate_limited: 0.05, bare_429: 0.05 }, 7),
      em.now,
    )
    const users = Array.from({ length: 8 }, (_, u) => `u${u}`)
    const events = interleave(
      users.map((u) => [identify(u), ...Array.from({ length: 5 }, (_, s) => track(u, s))]),
    )
    const report = await deliverAll(events, {
      send,
      clock,
      random: seeded(1),
      retry: { maxAttempts: 30 },
      concurrency: 4,
    })
    expect(send.faults.server_error).toBeGreaterThan(5)
    expect(send.faults.reject).toBeGreaterThan(3)
    expect(report.totals.delivered).toBe(events.length)
    expect(storedSeqs(em)).toEqual(inputSeqs(events))
    expect(report.totals.requests).toBe(Object.values(send.faults).reduce((a, b) => a + b, 0))
  })

  it('retries a track that came before its identify right after the identify', async () => {
    const { em, clock } = setup()
    const events = [track('u1', 0), track('u1', 1), identify('u1'), track('u1', 2)]
    const report = await deliverAll(events, { send: em.send, clock })
    // The second track waits with the first without being tried: its contact is missing too.
    expect(report.results.map((r) => [r.outcome.status, r.attempts])).toEqual([
      ['delivered', 2],
      ['delivered', 1],
      ['delivered', 1],
      ['delivered', 1],
    ])
    expect(storedSeqs(em).get('u1')).toEqual([0, 1, 2])
    // Deferred behind the identify, not slept on.
    expect(clock.sleeps).toEqual([])
  })

  it('retries a track behind an identify that had to be retried', async () => {
    const { em, clock } = setup()
    let failures = 2
    const send: Send = async (r) => {
      if (r.path === '/contacts' && failures-- > 0) return { status: 500 }
      return em.send(r)
    }
    const report = await deliverAll([identify('u1'), track('u1', 0)], {
      send,
      clock,
      random: () => 0.5,
    })
    expect(report.results.map((r) => [r.outcome.status, r.attempts])).toEqual([
      ['delivered', 3],
      ['delivered', 1],
    ])
    // The track started only after the identify ended: its POST /events is the last request.
    expect(em.requests.map((r) => r.request.path).at(-1)).toBe('/events')
    expect(em.requests.filter((r) => r.request.path === '/events')).toHaveLength(1)
    expect(clock.sleeps).toEqual([250, 500])
  })

  it('retries an early track after its identify, even when the identify had to be retried', async () => {
    const { em, clock } = setup()
    let failures = 2
    const send: Send = async (r) => {
      if (r.path === '/contacts' && failures-- > 0) return { status: 502 }
      return em.send(r)
    }
    const report = await deliverAll([track('u1', 0), identify('u1'), track('u1', 1)], {
      send,
      clock,
      random: () => 0.5,
    })
    expect(report.results.map((r) => [r.outcome.status, r.attempts])).toEqual([
      ['delivered', 2],
      ['delivered', 3],
      ['delivered', 1],
    ])
    expect(storedSeqs(em).get('u1')).toEqual([0, 1])
    // Only the identify slept (its two 502s); the early track waited for it instead.
    expect(clock.sleeps).toEqual([250, 500])
  })

  it('gives up after maxAttempts with a reason, and reports a rejected send as transport_error', async () => {
    const { clock } = setup()
    const send: Send = () => Promise.reject(new Error('ECONNRESET'))
    const report = await deliverAll([identify('u1'), { type: 'page', userId: 'u1' }], {
      send,
      clock,
      retry: { maxAttempts: 3 },
    })
    expect(report.results[0]).toMatchObject({
      attempts: 3,
      reason: 'gave up after 3 attempts (transport_error)',
      outcome: { status: 'retry', code: 'transport_error' },
    })
    expect(report.results[0]?.outcome).toMatchObject({
      message: expect.stringContaining('ECONNRESET'),
    })
    expect(report.results[1]).toMatchObject({ attempts: 0, outcome: { status: 'not_sent' } })
    expect(report.totals).toMatchObject({ events: 2, gaveUp: 1, notSent: 1, requests: 3 })
  })

  it('keeps what an exchange learned before its request went unanswered, as deliver does', async () => {
    const { em, clock } = setup()
    // The attach is never answered: the company upserted before it is still learned.
    const send: Send = (r) =>
      r.method === 'POST' && /^\/contacts\/[^/]+\/companies$/.test(r.path)
        ? Promise.reject(new Error('ECONNRESET'))
        : em.send(r)
    const group = { type: 'group', userId: 'u1', groupId: 'g1', traits: { name: 'Acme' } }
    const report = await deliverAll([identify('u1'), group], {
      send,
      clock,
      retry: { maxAttempts: 1 },
    })
    const company = em.state.companies.find((c) => c.company_id === 'g1')
    const contact = em.state.contacts.find((c) => c.external_id === 'u1')
    expect(report.results[1]?.outcome).toMatchObject({
      status: 'retry',
      code: 'transport_error',
      message: expect.stringMatching(
        /^POST \/contacts\/.+\/companies was not answered: ECONNRESET$/,
      ),
      learned: { companies: { g1: company?.id } },
    })
    expect(report.learned).toMatchObject({
      contacts: { byExternalId: { u1: contact?.id } },
      companies: { g1: company?.id },
    })
  })

  it('so the retry after an unanswered attach sends the attach only', async () => {
    const { em, clock } = setup()
    let failed = false
    const send: Send = (r) => {
      if (failed || !(r.method === 'POST' && /^\/contacts\/[^/]+\/companies$/.test(r.path)))
        return em.send(r)
      failed = true
      return Promise.reject(new Error('ECONNRESET'))
    }
    const group = { type: 'group', userId: 'u1', groupId: 'g1', traits: { name: 'Acme' } }
    const report = await deliverAll([identify('u1'), group], { send, clock })
    expect(report.results[1]).toMatchObject({ attempts: 2, outcome: { status: 'delivered' } })
    expect(em.requests.map((r) => `${r.request.method} ${r.request.path}`)).toEqual([
      'POST /contacts/search',
      'POST /contacts',
      'POST /companies',
      expect.stringMatching(/^POST \/contacts\/[^/]+\/companies$/),
    ])
  })

  it('reports failed and not_sent outcomes without retrying them', async () => {
    const { em, clock } = setup({ token: 'secret' })
    const report = await deliverAll(
      [identify('u1'), { type: 'track', userId: 'u2', event: 'E' }, 42],
      { send: em.send, clock },
    )
    expect(report.results.map((r) => r.outcome.status)).toEqual(['failed', 'not_sent', 'not_sent'])
    expect(report.results[0]).toMatchObject({ attempts: 1, outcome: { code: 'unauthorized' } })
    // A track without timestamp and without options.now is invalid, as in toRest.
    expect(report.results[1]?.outcome).toMatchObject({
      mapping: { errors: [expect.objectContaining({ code: 'missing_timestamp' })] },
    })
    expect(report.totals).toMatchObject({ failed: 1, notSent: 2, gaveUp: 0, requests: 1 })
  })

  it('passes the mapping options to toRest', async () => {
    const { em, clock } = setup()
    const noTimestamp = { type: 'track', userId: 'u1', event: 'E' }
    const report = await deliverAll([identify('u1'), noTimestamp], {
      send: em.send,
      clock,
      now: Date.UTC(2026, 5, 1),
      settings: { apiVersion: '2.10' },
    })
    expect(report.totals.delivered).toBe(2)
    expect(em.state.events[0]?.created_at).toBe(Date.UTC(2026, 5, 1) / 1000)
    expect(em.requests[0]?.request.headers['Intercom-Version']).toBe('2.10')
  })

  it('reads a one-shot knownEventNames iterable once, for every event', async () => {
    const { em, clock } = setup()
    const names = (function* () {
      for (let i = 0; i < 120; i++) yield `Known ${i}`
    })()
    const e = (event: string) => ({ type: 'track', userId: 'u1', event, timestamp: T0 })
    const report = await deliverAll([identify('u1'), e('New 1'), e('New 2'), e('known 3')], {
      send: em.send,
      clock,
      knownEventNames: names,
    })
    expect(report.results.map((r) => r.outcome.status)).toEqual([
      'delivered',
      'not_sent',
      'not_sent',
      'delivered',
    ])
  })

  it('never has more than `concurrency` requests in flight, and uses them all', async () => {
    const { em, clock } = setup()
    let inFlight = 0
    let peak = 0
    const send: Send = async (r) => {
      inFlight++
      peak = Math.max(peak, inFlight)
      await clock.sleep(100)
      inFlight--
      return em.send(r)
    }
    const events = Array.from({ length: 40 }, (_, u) => identify(`u${u}`))
    const start = clock.now()
    const report = await deliverAll(events, { send, clock, concurrency: 3 })
    expect(report.totals.delivered).toBe(40)
    expect(peak).toBe(3)
    // Three users at a time, two 100 ms requests per identify: ⌈40 / 3⌉ = 14 rounds of 200 ms.
    expect(clock.now() - start).toBe(2_800)
  })

  it('runs events without a user each on their own, concurrently', async () => {
    const { clock } = setup()
    let inFlight = 0
    let peak = 0
    const anonymous = { type: 'identify', anonymousId: 'a', traits: {} }
    const send: Send = async () => {
      inFlight++
      peak = Math.max(peak, inFlight)
      await clock.sleep(10)
      inFlight--
      return { status: 200, body: { type: 'contact', id: 'x' } }
    }
    // Anonymous identifies are invalid (no user); group events by company only have no lane.
    const group = (g: string) => ({ type: 'group', groupId: g, anonymousId: 'a', timestamp: T0 })
    const report = await deliverAll([anonymous, group('g1'), group('g2'), group('g3')], {
      send,
      clock,
      concurrency: 4,
    })
    expect(report.results).toHaveLength(4)
    expect(report.results[0]?.outcome.status).toBe('not_sent')
    // The three groups share an anonymousId but no user: three lanes, all at once.
    expect(peak).toBe(3)
  })

  it('respects the rate limit through the limiter: Intercom never answers 429', async () => {
    const { em, clock } = setup({ rateLimit: { limit: 10, windowMs: 10_000 } })
    const limiter = createRateLimiter({ limit: 10, windowMs: 10_000 })
    const events = Array.from({ length: 30 }, (_, u) => identify(`u${u}`))
    const report = await deliverAll(events, { send: em.send, clock, limiter, concurrency: 8 })
    expect(report.totals.delivered).toBe(30)
    expect(em.requests.filter((r) => r.response.status === 429)).toEqual([])
    // 60 requests at 10 per 10-second window: at least 5 windows of virtual time.
    expect(clock.now() - Date.UTC(2026, 0, 1)).toBeGreaterThanOrEqual(50_000)
  })

  it('without a limiter, rides out Intercom’s 429s (rate-limited attempts are free)', async () => {
    const { em, clock } = setup({ rateLimit: { limit: 10, windowMs: 10_000 } })
    const events = Array.from({ length: 30 }, (_, u) => identify(`u${u}`))
    const report = await deliverAll(events, {
      send: em.send,
      clock,
      concurrency: 8,
      retry: { maxAttempts: 1 },
    })
    expect(em.requests.some((r) => r.response.status === 429)).toBe(true)
    expect(report.totals.delivered).toBe(30)
    expect(Math.max(...report.results.map((r) => r.attempts))).toBeGreaterThan(1)
  })

  it('feeds every response to the limiter and takes before every request', async () => {
    const { em, clock } = setup()
    const log: string[] = []
    const limiter = {
      take: () => {
        log.push('take')
        return { ok: true as const }
      },
      observe: (r: { status: number }) => {
        log.push(`observe ${r.status}`)
      },
    }
    const send: Send = async (r) => {
      log.push(`send ${r.path}`)
      return em.send(r)
    }
    await deliverAll([identify('u1')], { send, clock, limiter })
    expect(log).toEqual([
      'take',
      'send /contacts/search',
      'observe 200',
      'take',
      'send /contacts',
      'observe 200',
    ])
  })

  it('calls onProgress after each event; a throwing callback loses nothing', async () => {
    const { em, clock } = setup()
    const seen: DeliveryProgress[] = []
    const events = [identify('u1'), track('u1', 0), { type: 'page', userId: 'u1' }, identify('u2')]
    const report = await deliverAll(events, {
      send: em.send,
      clock,
      onProgress: (p) => {
        seen.push(p)
        throw new Error('progress bar broke')
      },
    })
    expect(seen.map((p) => p.done)).toEqual([1, 2, 3, 4])
    expect(seen.at(-1)).toEqual({
      done: 4,
      delivered: 3,
      failed: 0,
      requests: report.totals.requests,
    })
    expect(report.results).toHaveLength(4)
    expect(report.totals.delivered).toBe(3)
  })

  it('reads an async iterable lazily, with bounded read-ahead', async () => {
    const { em, clock } = setup()
    let read = 0
    let closed = false
    const controller = new AbortController()
    async function* endless() {
      try {
        for (let u = 0; ; u++) {
          read++
          yield identify(`u${u}`)
        }
      } finally {
        closed = true
      }
    }
    const report = await deliverAll(endless(), {
      send: em.send,
      clock,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.delivered === 50) controller.abort()
      },
    })
    expect(closed).toBe(true)
    expect(read).toBeLessThanOrEqual(50 + 1_000 + 1)
    expect(report.results).toHaveLength(report.totals.events)
    expect(report.results.map((r) => r.index)).toEqual(report.results.map((_, i) => i))
    expect(report.totals.delivered).toBeGreaterThanOrEqual(50)
    expect(report.totals.delivered).toBeLessThan(60)
    expect(report.totals.gaveUp).toBe(report.totals.events - report.totals.delivered)
  })

  it('delivers an async iterable in order', async () => {
    const { em, clock } = setup()
    const events = [identify('a'), track('a', 0), identify('b'), track('a', 1), track('b', 0)]
    async function* source() {
      for (const e of events) {
        await Promise.resolve()
        yield e
      }
    }
    const report = await deliverAll(source(), { send: em.send, clock })
    expect(report.totals.delivered).toBe(5)
    expect(storedSeqs(em)).toEqual(inputSeqs(events))
  })

  it('on abort starts no new request and gives every event not ended an aborted result', async () => {
    const { em, clock } = setup()
    const controller = new AbortController()
    let sentAfterAbort = 0
    const send: Send = async (r) => {
      if (controller.signal.aborted) sentAfterAbort++
      const res = await em.send(r)
      if (em.requests.length === 7) controller.abort()
      return res
    }
    const events = Array.from({ length: 20 }, (_, u) => identify(`u${u % 5}`))
    const report = await deliverAll(events, { send, clock, signal: controller.signal })
    expect(sentAfterAbort).toBe(0)
    expect(report.results).toHaveLength(20)
    const aborted = report.results.filter((r) => r.reason === 'aborted')
    expect(aborted.length).toBeGreaterThan(10)
    for (const r of aborted) expect(r.outcome).toMatchObject({ status: 'retry', code: 'aborted' })
    expect(report.totals.delivered + report.totals.gaveUp).toBe(20)
    expect(report.totals.requests).toBe(7)
  })

  it('an abort ends a backoff sleep at once', async () => {
    const controller = new AbortController()
    const clock = { now: () => 0, sleep: () => new Promise<void>(() => {}) } // never wakes
    const send: Send = async () => {
      setTimeout(() => controller.abort(), 1)
      return { status: 503 }
    }
    const report = await deliverAll([identify('u1')], { send, clock, signal: controller.signal })
    expect(report.results[0]).toMatchObject({
      attempts: 1,
      reason: 'aborted',
      outcome: { code: 'aborted', message: expect.stringContaining('server_error') },
    })
  })

  it('an already aborted signal sends nothing, and an array still gets every result', async () => {
    // The page is mapped (no I/O) and so ends not_sent; the identifies would need requests.
    const controller = new AbortController()
    controller.abort()
    let sent = 0
    const report = await deliverAll([identify('a'), identify('b'), { type: 'page' }], {
      send: async () => {
        sent++
        return { status: 200 }
      },
      signal: controller.signal,
    })
    expect(sent).toBe(0)
    expect(report.results.map((r) => r.reason ?? r.outcome.status)).toEqual([
      'aborted',
      'aborted',
      'not_sent',
    ])
  })

  it('measures a rate-limit wait on its clock, not on options.now', async () => {
    const { em, clock } = setup()
    let first = true
    const send: Send = async (r) => {
      if (!first) return em.send(r)
      first = false
      const reset = Math.ceil((em.now() + 5_000) / 1000)
      return { status: 429, headers: { 'X-RateLimit-Reset': String(reset) } }
    }
    const report = await deliverAll([identify('u1')], {
      send,
      clock,
      now: Date.UTC(2020, 0, 1), // years before the clock: a wait from here would be years
      random: () => 0,
    })
    expect(report.results[0]).toMatchObject({ attempts: 2, outcome: { status: 'delivered' } })
    expect(clock.sleeps).toEqual([5_000])
  })

  it('with the default clock, an abort ends a long backoff at once', async () => {
    const controller = new AbortController()
    const started = Date.now()
    const report = await deliverAll([identify('u1')], {
      send: async () => {
        setTimeout(() => controller.abort(), 20)
        return { status: 503 }
      },
      retry: { baseMs: 30_000 },
      random: () => 0.9, // a 27-second backoff
      signal: controller.signal,
    })
    expect(report.results[0]).toMatchObject({ reason: 'aborted', attempts: 1 })
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('a throwing host limiter fails that event as internal_error and loses nothing', async () => {
    const { em, clock } = setup()
    const limiter = {
      take: () => {
        throw new Error('redis down')
      },
      observe: () => {},
    }
    const report = await deliverAll([identify('a'), { type: 'page', userId: 'b' }], {
      send: em.send,
      clock,
      limiter,
    })
    expect(report.results.map((r) => r.outcome)).toMatchObject([
      { status: 'failed', code: 'internal_error', message: 'redis down' },
      { status: 'not_sent' },
    ])
    expect(em.requests).toHaveLength(0)
  })

  it('with the default clock, honours a short Retry-After for real', async () => {
    let calls = 0
    const started = Date.now()
    const report = await deliverAll([{ type: 'identify', userId: 'u', timestamp: T0 }], {
      send: async (r: IntercomRequest) => {
        calls++
        if (calls === 1) return { status: 429, headers: { 'Retry-After': '0.05' } }
        return r.path === '/contacts/search'
          ? { status: 200, body: { type: 'list', data: [] } }
          : { status: 200, body: { type: 'contact', id: 'c1' } }
      },
      retry: { baseMs: 1 },
    })
    expect(report.totals.delivered).toBe(1)
    expect(Date.now() - started).toBeGreaterThanOrEqual(45)
  })

  it('rejects with DeliveryInputError, keeping the results, when the input throws', async () => {
    const { em, clock } = setup()
    async function* broken() {
      yield identify('a')
      yield identify('b')
      throw new Error('queue connection lost')
    }
    const error = await deliverAll(broken(), { send: em.send, clock }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DeliveryInputError)
    const report = (error as DeliveryInputError).report
    expect(report.totals).toMatchObject({ events: 2, delivered: 2 })
    expect((error as Error).message).toContain('queue connection lost')
  })

  it('rejects bad options with a typed error naming the field', async () => {
    const send: Send = async () => ({ status: 200 })
    const cases: [unknown, unknown, string][] = [
      [[], { send, concurrency: 0 }, 'concurrency'],
      [[], { send, concurrency: 2.5 }, 'concurrency'],
      [[], {}, 'send'],
      [[], { send, retry: { maxAttempts: 0 } }, 'retry.maxAttempts'],
      [[], { send, retry: { baseMs: -5 } }, 'retry.baseMs'],
      [[], { send, clock: { now: () => 0 } }, 'clock'],
      [[], { send, limiter: {} }, 'limiter'],
      [[], { send, onProgress: 'log' }, 'onProgress'],
      [[], { send, random: 0.5 }, 'random'],
      [42, { send }, 'events'],
      [[], null, 'options'],
    ]
    for (const [events, options, field] of cases) {
      const error = await deliverAll(
        events as never,
        options as Parameters<typeof deliverAll>[1],
      ).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DeliveryOptionsError)
      expect(error).toMatchObject({ field })
    }
  })

  it('an empty input resolves with an empty report', async () => {
    const report = await deliverAll([], { send: async () => ({ status: 200 }) })
    expect(report).toEqual({
      results: [],
      totals: { events: 0, delivered: 0, notSent: 0, failed: 0, gaveUp: 0, requests: 0 },
      learned: { version: 1 },
    })
  })
})

describe('deliverAll properties', () => {
  const faultArb = fc.constantFrom(
    'none',
    'none',
    'none',
    'server_error',
    'reject',
    'rate_limited',
    'bare_429',
  ) as fc.Arbitrary<'none' | 'server_error' | 'reject' | 'rate_limited' | 'bare_429'>
  const eventArb = fc.oneof(
    fc
      .tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.boolean())
      .map(([u, isIdentify]) => (isIdentify ? identify(u) : track(u, 0))),
    fc.constant({ type: 'page', userId: 'a' }),
    fc.constant({ type: 'track', event: 'E' }),
  )

  it('every event gets exactly one result, in input order, whatever the faults', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArb, { maxLength: 25 }),
        fc.array(faultArb, { maxLength: 40 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        async (raw, faults, concurrency, maxAttempts) => {
          const events = raw.map((e, i) => ('properties' in e ? track(e.userId, i) : e))
          const { em, clock } = setup()
          let n = 0
          // Transient faults: the script, then a healthy Intercom (a 429 forever would
          // be retried forever, as a rate limit must be).
          const send = faultySend(em.send, () => faults[n++] ?? 'none', em.now)
          const progress: number[] = []
          const report = await deliverAll(events, {
            send,
            clock,
            concurrency,
            retry: { maxAttempts },
            random: seeded(n),
            onProgress: (p) => progress.push(p.done),
          })
          expect(report.results.map((r) => r.index)).toEqual(events.map((_, i) => i))
          expect(progress).toEqual(events.map((_, i) => i + 1))
          const t = report.totals
          expect(t.events).toBe(events.length)
          expect(t.delivered + t.notSent + t.failed + t.gaveUp).toBe(events.length)
          expect(t.requests).toBe(n)
          for (const r of report.results) {
            if (r.outcome.status === 'retry') expect(r.reason).toMatch(/gave up/)
            if (r.outcome.status === 'not_sent') expect(r.attempts).toBe(0)
          }
          // Whatever was delivered is stored once, in each user's input order.
          const delivered = events.filter(
            (e, i) => e.type === 'track' && report.results[i]?.outcome.status === 'delivered',
          ) as ReturnType<typeof track>[]
          expect(storedSeqs(em)).toEqual(inputSeqs(delivered))
        },
      ),
      { numRuns: 60 },
    )
  })
})
