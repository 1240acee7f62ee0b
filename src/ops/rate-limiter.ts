import { responseHeader } from '../rest/response-header.js'
import type { IntercomResponse } from '../rest/types.js'

/** The request may go now; it has been counted. */
export interface RateAllowed {
  ok: true
}

/** The window's budget is spent: wait until `retryAt` before sending. */
export interface RateDenied {
  ok: false
  /** Epoch milliseconds at which the window resets. */
  retryAt: number
  /** Milliseconds from the `now` given to {@link RateLimiter.take} to `retryAt`. */
  retryAfterMs: number
}

/**
 * A decision of the {@link RateLimiter}, discriminated on `ok`: {@link RateAllowed}
 * (send now) or {@link RateDenied} (wait until `retryAt`).
 */
export type RateDecision = RateAllowed | RateDenied

/** A client-side limiter for Intercom's windowed rate limit. */
export interface RateLimiter {
  /** Whether a request may go now (`now` in epoch ms); counts it when it may. */
  take(now: number): RateDecision
  /** Learns the real budget from a response's `X-RateLimit-*` headers. */
  observe(response: IntercomResponse, now: number): void
}

/**
 * Keeps a host under Intercom's rate limit, which counts requests in fixed windows
 * (10,000 per minute per app, spread over 10-second windows; Segment's Personas
 * destination used 83 per 10 seconds). Pure apart from its own counters: the host
 * passes the time, so it works the same in tests and in production.
 *
 * `observe` corrects the local count from `X-RateLimit-Remaining` /
 * `X-RateLimit-Reset`, so several processes sharing one app budget still back off.
 *
 * @example
 * ```ts
 * const limiter = createRateLimiter({ limit: 83, windowMs: 10_000 })
 * const d = limiter.take(Date.now())
 * if (!d.ok) await sleep(d.retryAfterMs)
 * ```
 */
export function createRateLimiter(options: { limit: number; windowMs: number }): RateLimiter {
  const { limit, windowMs } = options
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw new RangeError('limit must be a positive integer')
  if (!Number.isFinite(windowMs) || windowMs <= 0) throw new RangeError('windowMs must be positive')
  let windowEnd = 0
  let used = 0
  let serverRemaining: number | undefined
  return {
    take(now) {
      if (now >= windowEnd) {
        windowEnd = (Math.floor(now / windowMs) + 1) * windowMs
        used = 0
        serverRemaining = undefined
      }
      const left = Math.min(limit - used, serverRemaining ?? Number.POSITIVE_INFINITY)
      if (left <= 0) return { ok: false, retryAt: windowEnd, retryAfterMs: windowEnd - now }
      used++
      if (serverRemaining !== undefined) serverRemaining--
      return { ok: true }
    },
    observe(response, now) {
      const remaining = Number(responseHeader(response.headers, 'X-RateLimit-Remaining'))
      const reset = Number(responseHeader(response.headers, 'X-RateLimit-Reset'))
      if (Number.isFinite(reset) && reset * 1000 > now) windowEnd = reset * 1000
      if (Number.isFinite(remaining) && remaining >= 0) serverRemaining = remaining
      if (response.status === 429) serverRemaining = 0
    },
  }
}
