import type { Outcome, OutcomeEnd, RetryOutcome } from '../rest/types.js'
import {
  DEFAULT_BASE_MS,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_MAX_MS,
  UNHINTED_RATE_LIMIT_MS,
} from './constants.js'
import { DeliveryOptionsError } from './errors.js'

/** How often and how long to retry. Every field is optional. */
export interface RetryPolicy {
  /** Attempts per event, the first included; rate-limited attempts do not count. Integer ≥ 1, default 8. */
  maxAttempts?: number
  /** Backoff ceiling of the first retry, in ms, doubling each attempt. ≥ 0, default 500. */
  baseMs?: number
  /** Largest backoff ceiling, in ms. ≥ `baseMs`, default 60,000. */
  maxMs?: number
}

/** A {@link RetryPolicy} with every field set and checked. */
export type ResolvedRetryPolicy = Required<RetryPolicy>

/** The decision of {@link nextAttempt}. */
export type NextAttempt = { retry: true; delayMs: number } | { retry: false; reason: string }

/**
 * Checks a policy and fills in the defaults. Out-of-range values are errors, not
 * clamped: a typo such as `maxAttempts: 0` or `baseMs: -1` should not silently turn
 * into some other policy.
 *
 * @throws DeliveryOptionsError naming the field (`retry.maxAttempts`, `retry.baseMs`, `retry.maxMs`).
 */
export function resolveRetryPolicy(policy: RetryPolicy | undefined): ResolvedRetryPolicy {
  if (policy !== undefined && (typeof policy !== 'object' || policy === null)) {
    throw new DeliveryOptionsError('retry', 'must be an object')
  }
  const maxAttempts = policy?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS
  const baseMs = policy?.baseMs ?? DEFAULT_BASE_MS
  const maxMs = policy?.maxMs ?? Math.max(DEFAULT_MAX_MS, baseMs)
  if (typeof maxAttempts !== 'number' || !Number.isSafeInteger(maxAttempts) || maxAttempts < 1) {
    throw new DeliveryOptionsError(
      'retry.maxAttempts',
      `must be an integer ≥ 1, got ${String(maxAttempts)}`,
    )
  }
  if (typeof baseMs !== 'number' || !Number.isFinite(baseMs) || baseMs < 0) {
    throw new DeliveryOptionsError(
      'retry.baseMs',
      `must be a finite number ≥ 0, got ${String(baseMs)}`,
    )
  }
  if (typeof maxMs !== 'number' || !Number.isFinite(maxMs) || maxMs < baseMs) {
    throw new DeliveryOptionsError(
      'retry.maxMs',
      `must be a finite number ≥ retry.baseMs (${baseMs}), got ${String(maxMs)}`,
    )
  }
  return { maxAttempts, baseMs, maxMs }
}

/**
 * Decides whether and when to retry a delivery, from its {@link Outcome} and the
 * number of attempts made so far (`attempt` is 1 after the first).
 *
 * - `delivered`, `failed` and `not_sent` are never retried.
 * - A `retry` outcome is retried after a capped exponential backoff with full
 *   jitter: `random() * min(maxMs, baseMs * 2 ** (attempt - 1))`, and never sooner
 *   than the outcome's `retryAfterMs` (or `retryAt`) says. After `maxAttempts`
 *   attempts it is not retried.
 * - A `rate_limited` outcome is retried whatever `attempt` is: it says "not now",
 *   not "this failed", so it does not use up an attempt (do not count it in
 *   `attempt`). It waits the outcome's hint plus up to `baseMs` of jitter (so that
 *   workers do not all come back at the reset); without `retryAfterMs`/`retryAt` (a
 *   bare 429) the wait is between 1 and 2 seconds, never zero.
 *
 * Bounds: another retry waits at least the outcome's hint (0 without one) and at
 * most `max(hint, min(maxMs, baseMs * 2 ** (attempt - 1)))`; a hinted rate limit
 * waits `[hint, hint + baseMs)`; a bare 429 `[1000, 2000)`. Only an outcome with
 * `retryAt` and no `retryAfterMs` makes it read the clock (`Date.now()`); the
 * outcomes of `deliver` and `deliverAll` always carry both.
 *
 * @param outcome - How the attempt ended.
 * @param attempt - Attempts made so far, rate-limited ones excluded: an integer ≥ 1.
 * @param policy - Defaults `{ maxAttempts: 8, baseMs: 500, maxMs: 60_000 }`.
 * @param random - Jitter source returning [0, 1), default `Math.random`; values
 *   outside that range are clamped.
 * @throws DeliveryOptionsError for a bad `attempt` or policy field (naming it).
 *
 * @example
 * ```ts
 * let attempt = 0
 * for (;;) {
 *   const outcome = await deliver(toRest(event), send)
 *   if (!(outcome.status === 'retry' && outcome.code === 'rate_limited')) attempt++
 *   const next = nextAttempt(outcome, Math.max(1, attempt))
 *   if (!next.retry) break // next.reason says why, e.g. 'gave up after 8 attempts (server_error)'
 *   await new Promise((r) => setTimeout(r, next.delayMs))
 * }
 * ```
 */
export function nextAttempt(
  outcome: Outcome | OutcomeEnd,
  attempt: number,
  policy?: RetryPolicy,
  random: () => number = Math.random,
): NextAttempt {
  const p = resolveRetryPolicy(policy)
  if (typeof attempt !== 'number' || !Number.isSafeInteger(attempt) || attempt < 1) {
    throw new DeliveryOptionsError('attempt', `must be an integer ≥ 1, got ${String(attempt)}`)
  }
  switch (outcome.status) {
    case 'delivered':
      return { retry: false, reason: 'delivered' }
    case 'not_sent':
      return { retry: false, reason: `not sent: ${outcome.mapping.status}` }
    case 'failed':
      return { retry: false, reason: `failed (${outcome.code}): not retryable` }
    case 'retry':
      break
    default:
      return { retry: false, reason: 'not an outcome' }
  }
  const hint = hintMs(outcome)
  const jitter = unit(random)
  if (outcome.code === 'rate_limited') {
    if (hint === undefined) return { retry: true, delayMs: UNHINTED_RATE_LIMIT_MS * (1 + jitter) }
    // Spread over one base interval past the reset, so workers do not all return at once.
    return { retry: true, delayMs: hint + jitter * p.baseMs }
  }
  if (attempt >= p.maxAttempts) {
    return {
      retry: false,
      reason: `gave up after ${attempt} attempt${attempt === 1 ? '' : 's'} (${outcome.code})`,
    }
  }
  return { retry: true, delayMs: Math.max(hint ?? 0, jitter * ceiling(p, attempt)) }
}

/** The backoff ceiling after `attempt` attempts: `min(maxMs, baseMs * 2^(attempt-1))`. */
function ceiling(p: ResolvedRetryPolicy, attempt: number): number {
  if (p.baseMs === 0) return 0
  // 2 ** 1024 is Infinity, and min(maxMs, Infinity) is maxMs: no overflow to NaN.
  return Math.min(p.maxMs, p.baseMs * 2 ** Math.min(attempt - 1, 1024))
}

/** The wait the outcome asks for, in ms, or `undefined` when it names none. */
function hintMs(outcome: Pick<RetryOutcome, 'retryAt' | 'retryAfterMs'>): number | undefined {
  const after = outcome.retryAfterMs
  if (typeof after === 'number' && Number.isFinite(after)) return Math.max(0, after)
  const at = outcome.retryAt
  if (typeof at === 'number' && Number.isFinite(at)) return Math.max(0, at - Date.now())
  return undefined
}

/** `random()` clamped to [0, 1); anything not a finite number counts as 0. */
function unit(random: () => number): number {
  const r = random()
  if (typeof r !== 'number' || !Number.isFinite(r) || r < 0) return 0
  return r >= 1 ? 1 - Number.EPSILON : r
}

/** The policy `nextAttempt` and `deliverAll` use when given none. */
export const DEFAULT_RETRY_POLICY: Readonly<Required<RetryPolicy>> = Object.freeze({
  maxAttempts: DEFAULT_MAX_ATTEMPTS,
  baseMs: DEFAULT_BASE_MS,
  maxMs: DEFAULT_MAX_MS,
})
