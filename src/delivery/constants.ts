/**
 * The delivery toolkit's defaults and fixed numbers, each with its reason.
 * @module
 */

/**
 * Attempts per event before giving up (rate-limited attempts do not count). With the
 * default backoff the eighth attempt starts after up to ~64 s of cumulated waiting
 * (0.5 + 1 + … + 32 s, fully jittered): long enough to ride out a short Intercom
 * incident or a lagging search index, short enough that a batch ends.
 */
export const DEFAULT_MAX_ATTEMPTS = 8

/** First backoff ceiling: Intercom's 5xx are usually transient and clear in under a second. */
export const DEFAULT_BASE_MS = 500

/** Backoff ceiling: one minute, Intercom's rate-limit period (10,000 requests per minute). */
export const DEFAULT_MAX_MS = 60_000

/**
 * Users delivered at once. Four keeps a single host well under Intercom's default
 * budget (~1,666 requests per 10-second window) even with 2–3 requests per event,
 * while hiding most of the network latency.
 */
export const DEFAULT_CONCURRENCY = 4

/**
 * Shortest wait after a 429 that says nothing about when to come back (no
 * `X-RateLimit-Reset`, no `Retry-After`, e.g. from a proxy). The actual wait is
 * between this and twice this, jittered so that workers do not return together.
 * It is above zero because retrying a rate limit at once only spends budget.
 */
export const UNHINTED_RATE_LIMIT_MS = 1_000

/**
 * How many read events `deliverAll` holds that have not ended yet. Reading stops
 * there until some end: memory stays bounded on an unbounded input, and the read-ahead
 * is still wide enough to find other users' events for idle workers when one user
 * has many events in a row.
 */
export const READ_AHEAD = 1_000
