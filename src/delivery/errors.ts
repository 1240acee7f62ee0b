/**
 * Typed errors of the delivery toolkit.
 * @module
 */
import type { DeliveryReport } from './types.js'

/**
 * A `deliverAll` option or a `RetryPolicy` field out of range or of the wrong
 * type. `field` names it (`'retry.maxAttempts'`, `'concurrency'`, `'attempt'`, …).
 */
export class DeliveryOptionsError extends RangeError {
  override readonly name = 'DeliveryOptionsError'
  /** The offending field, as a dotted path. */
  readonly field: string
  constructor(field: string, message: string) {
    super(`${field}: ${message}`)
    this.field = field
  }
}

/**
 * Reading the events threw (an async source failed). Every event read before that
 * ended normally and is in {@link DeliveryInputError.report}: nothing read is lost.
 */
export class DeliveryInputError extends Error {
  override readonly name = 'DeliveryInputError'
  /** The report of the events read before the failure. */
  readonly report: DeliveryReport
  constructor(report: DeliveryReport, cause: unknown) {
    super(
      `Reading the events failed after ${report.totals.events}: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    )
    this.report = report
  }
}
