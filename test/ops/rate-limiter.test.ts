import { describe, expect, it } from 'vitest'
import { createRateLimiter, deliver, toRest } from '../../src/index.js'
import { createIntercomEmulator } from '../../src/testing/index.js'

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
