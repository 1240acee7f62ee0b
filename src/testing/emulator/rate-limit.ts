/**
 * Intercom's rate limit on the virtual clock: a request budget per fixed window.
 * @module
 */

/** The configured budget: `limit` requests per `windowMs` milliseconds. */
export interface RateLimitConfig {
  limit: number
  windowMs: number
}

/** Requests counted so far in the current window. */
export interface RateLimitState {
  window: number
  used: number
}

/** The verdict for one request and the headers to send with its response. */
export interface RateLimitVerdict {
  allowed: boolean
  headers: Record<string, string>
}

/** A fresh counter. */
export function createRateLimitState(): RateLimitState {
  return { window: Number.NEGATIVE_INFINITY, used: 0 }
}

/**
 * Counts one request at `now` (epoch ms) against the window `floor(now / windowMs)`.
 * A refused request does not use the budget. `X-RateLimit-Reset` is the end of the
 * current window in unix seconds, rounded up.
 *
 * @example
 * ```ts
 * const state = createRateLimitState()
 * takeRequest(state, { limit: 1, windowMs: 10_000 }, 0).allowed // true
 * takeRequest(state, { limit: 1, windowMs: 10_000 }, 5_000).allowed // false
 * takeRequest(state, { limit: 1, windowMs: 10_000 }, 10_000).allowed // true
 * ```
 */
export function takeRequest(
  state: RateLimitState,
  config: RateLimitConfig,
  now: number,
): RateLimitVerdict {
  const window = Math.floor(now / config.windowMs)
  if (window !== state.window) {
    state.window = window
    state.used = 0
  }
  const allowed = state.used < config.limit
  if (allowed) state.used += 1
  return { allowed, headers: rateLimitHeaders(state, config) }
}

/** The `X-RateLimit-*` headers for the current window, without counting a request. */
export function peekHeaders(
  state: RateLimitState,
  config: RateLimitConfig,
  now: number,
): Record<string, string> {
  const window = Math.floor(now / config.windowMs)
  const current = window === state.window ? state : { window, used: 0 }
  return rateLimitHeaders(current, config)
}

function rateLimitHeaders(state: RateLimitState, config: RateLimitConfig): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(config.limit),
    'X-RateLimit-Remaining': String(Math.max(0, config.limit - state.used)),
    'X-RateLimit-Reset': String(Math.ceil(((state.window + 1) * config.windowMs) / 1000)),
  }
}
