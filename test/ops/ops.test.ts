import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  createEventNameBudget,
  createRateLimiter,
  deliver,
  orderForDelivery,
  toRest,
} from '../../src/index.js'
import { createIntercomEmulator } from '../../src/testing/index.js'

describe('createEventNameBudget', () => {
  it('admits active names case-insensitively and new ones until 120', () => {
    const budget = createEventNameBudget(['Signed Up'])
    expect(budget.admit('signed up')).toBe(true)
    expect(budget.remaining).toBe(119)
    for (let i = 0; i < 119; i++) expect(budget.admit(`E${i}`)).toBe(true)
    expect(budget.remaining).toBe(0)
    expect(budget.admit('One Too Many')).toBe(false)
    expect(budget.admit('e7')).toBe(true)
    expect(budget.has('ONE TOO MANY')).toBe(false)
    expect(budget.names.size).toBe(120)
  })

  it('agrees with toRest given its names as knownEventNames', () => {
    const budget = createEventNameBudget(Array.from({ length: 120 }, (_, i) => `Event ${i}`))
    const e = (event: string) => ({ type: 'track', userId: 'u', event, timestamp: 1 })
    expect(toRest(e('event 3'), { knownEventNames: budget.names }).status).toBe('mapped')
    expect(toRest(e('New'), { knownEventNames: budget.names })).toMatchObject({
      status: 'skipped',
      reason: 'event_name_limit',
    })
    expect(budget.admit('New')).toBe(false)
  })
})

describe('createRateLimiter', () => {
  it('allows limit requests per window, then says when to retry', () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 10_000 })
    expect(limiter.take(1_000)).toEqual({ ok: true })
    expect(limiter.take(2_000)).toEqual({ ok: true })
    expect(limiter.take(3_000)).toEqual({ ok: false, retryAt: 10_000, retryAfterMs: 7_000 })
    expect(limiter.take(10_000)).toEqual({ ok: true })
  })

  it('learns the shared budget from X-RateLimit headers and a 429', () => {
    const limiter = createRateLimiter({ limit: 100, windowMs: 10_000 })
    expect(limiter.take(0)).toEqual({ ok: true })
    limiter.observe(
      { status: 200, headers: { 'x-ratelimit-remaining': '1', 'x-ratelimit-reset': '20' } },
      500,
    )
    expect(limiter.take(600)).toEqual({ ok: true })
    expect(limiter.take(700)).toEqual({ ok: false, retryAt: 20_000, retryAfterMs: 19_300 })
    const other = createRateLimiter({ limit: 100, windowMs: 10_000 })
    other.take(0)
    other.observe({ status: 429, headers: {} }, 1)
    expect(other.take(2)).toMatchObject({ ok: false, retryAt: 10_000 })
  })

  it('keeps an emulator with the same budget from ever answering 429', async () => {
    const em = createIntercomEmulator({ rateLimit: { limit: 5, windowMs: 10_000 } })
    const limiter = createRateLimiter({ limit: 5, windowMs: 10_000 })
    const send = async (r: Parameters<typeof em.send>[0]) => {
      for (;;) {
        const d = limiter.take(em.now())
        if (d.ok) break
        em.advanceTime(d.retryAfterMs)
      }
      const res = await em.send(r)
      limiter.observe(res, em.now())
      return res
    }
    for (let i = 0; i < 12; i++) {
      const out = await deliver(toRest({ type: 'identify', userId: `u${i}`, timestamp: 1 }), send)
      expect(out.status).toBe('delivered')
    }
    expect(em.requests.filter((r) => r.response.status === 429)).toEqual([])
  })

  it('rejects nonsense options', () => {
    expect(() => createRateLimiter({ limit: 0, windowMs: 1 })).toThrow(RangeError)
    expect(() => createRateLimiter({ limit: 1, windowMs: 0 })).toThrow(RangeError)
  })
})

describe('orderForDelivery', () => {
  const id = (u: string) => ({ type: 'identify', userId: u })
  const tr = (u: string) => ({ type: 'track', userId: u, event: 'E' })

  it("moves a user's first identify before their earlier calls, keeping everything else in order", () => {
    const a = tr('a')
    const b = tr('b')
    const ia = id('a')
    const g = { type: 'group', userId: 'a', groupId: 'g' }
    const input = [a, b, g, ia]
    expect(orderForDelivery(input)).toEqual([ia, a, b, g])
    expect(input).toEqual([a, b, g, ia]) // not modified
  })

  it('groups users as deliverAll’s lanes do: userId, else email (any case), numeric ids', () => {
    const ie = { type: 'identify', traits: { email: 'Ann@Example.com' } }
    const te = { type: 'track', event: 'E', properties: { email: 'ann@example.com' } }
    const ge = { type: 'group', groupId: 'g', context: { traits: { email: 'ANN@example.com' } } }
    expect(orderForDelivery([te, ge, ie])).toEqual([ie, te, ge])
    const n = { type: 'track', userId: 7, event: 'E' }
    const i7 = { type: 'identify', userId: '7' }
    expect(orderForDelivery([n, i7])).toEqual([i7, n])
    // A userId wins over an email: another user's identify with the same email is not moved.
    const other = { type: 'identify', userId: 'bob', traits: { email: 'ann@example.com' } }
    expect(orderForDelivery([te, other])).toEqual([te, other])
    // Group traits describe the company, not the user (the library's identity rule).
    const companyEmail = { type: 'group', groupId: 'g', traits: { email: 'ann@example.com' } }
    expect(orderForDelivery([companyEmail, ie])).toEqual([companyEmail, ie])
  })

  it('is a permutation, and every identify precedes the same user’s other calls', () => {
    const event = fc
      .tuple(fc.constantFrom('identify', 'track', 'group'), fc.constantFrom('a', 'b', 'c'))
      .map(([type, userId]) => ({ type, userId }))
    fc.assert(
      fc.property(fc.array(event, { maxLength: 20 }), (events) => {
        const out = orderForDelivery(events)
        expect([...out].sort(cmp)).toEqual([...events].sort(cmp))
        for (const user of ['a', 'b', 'c']) {
          const first = out.findIndex((e) => e.userId === user)
          if (events.some((e) => e.userId === user && e.type === 'identify')) {
            expect(out[first]?.type).toBe('identify')
          }
        }
      }),
    )
  })
})

const cmp = (x: { type: string; userId: string }, y: { type: string; userId: string }) =>
  `${x.type}${x.userId}`.localeCompare(`${y.type}${y.userId}`)
