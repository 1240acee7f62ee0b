/**
 * Public types of the delivery toolkit.
 * @module
 */
import type { RateLimiter } from '../ops/rate-limiter.js'
import type { KnownState } from '../rest/known-state.js'
import type { Outcome, Send } from '../rest/types.js'
import type { MapOptions } from '../types.js'
import type { RetryPolicy } from './next-attempt.js'

/** Time as `deliverAll` sees it: inject a virtual clock to test without waiting. */
export interface DeliveryClock {
  /** Epoch milliseconds. */
  now(): number
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>
}

/**
 * The part of an `AbortSignal` the toolkit uses (the library is typed without the
 * DOM or Node globals; a real `AbortSignal` fits).
 */
export interface AbortSignalLike {
  readonly aborted: boolean
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void
  removeEventListener(type: 'abort', listener: () => void): void
}

/** What `onProgress` is told after each event ends. */
export interface DeliveryProgress {
  /** Events ended so far. */
  done: number
  delivered: number
  /** Events that ended `failed`, or still `retry` when retries ran out or the run was aborted. */
  failed: number
  /** Requests sent so far. */
  requests: number
}

/** Options of `deliverAll`: the mapping options (passed to `toRest`) and the delivery's own. */
export interface DeliverAllOptions extends MapOptions {
  /** The host's transport (adds `Authorization`). A rejection is a `transport_error` retry. */
  send: Send
  /** Users delivered at once (each user's events stay in order). Integer ≥ 1, default 4. */
  concurrency?: number
  /** Every request waits for `limiter.take` and feeds `limiter.observe` its response. */
  limiter?: RateLimiter
  /** Retries; see `nextAttempt`. */
  retry?: RetryPolicy
  /** Default: `Date.now` and `setTimeout`. */
  clock?: DeliveryClock
  /** Jitter source in [0, 1), default `Math.random`. */
  random?: () => number
  /** Called after each event ends. An exception it throws is ignored (delivery goes on). */
  onProgress?: (progress: DeliveryProgress) => void
  /**
   * Stops the run: no new request starts, waits end early, and every event not yet
   * ended gets `{ status: 'retry', code: 'aborted' }`. The promise then resolves.
   */
  signal?: AbortSignalLike
  /**
   * What earlier deliveries learned (a stored {@link DeliveryReport.learned}, merged
   * with `mergeKnown`): the batch starts from it, and what its exchanges learn is
   * added as they end, so each later exchange skips the lookups the state answers.
   * Checked first: a state this library did not write rejects with a
   * `DeliveryOptionsError` naming the path (`known.version`, …).
   */
  known?: KnownState
}

/** How one input event ended. */
export interface DeliveryResult {
  /** Position of the event in the input, from 0. */
  index: number
  /** The last outcome: `delivered`, `failed`, `not_sent`, or `retry` when it gave up. */
  outcome: Outcome
  /** How many times its exchange ran (rate-limited runs included); 0 when not sent. */
  attempts: number
  /** Why a `retry` outcome was not retried any more (retries ran out, or aborted). */
  reason?: string
}

/** Counts over a {@link DeliveryReport}'s results. `delivered + notSent + failed + gaveUp === events`. */
export interface DeliveryTotals {
  events: number
  delivered: number
  notSent: number
  failed: number
  /** Events that ended with a `retry` outcome: retries ran out or the run was aborted. Re-deliver them later. */
  gaveUp: number
  /** Requests sent (answered or not). */
  requests: number
}

/** What `deliverAll` did. */
export interface DeliveryReport {
  /** One per input event, in input order (`results[i].index === i`). */
  results: DeliveryResult[]
  totals: DeliveryTotals
  /**
   * What the batch's exchanges learned (not including `options.known`), tombstones
   * (`null`: a stale id) included. Store `mergeKnown(known, report.learned)` and pass
   * it as `options.known` next time.
   */
  learned: KnownState
}
