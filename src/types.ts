/**
 * The public envelope types shared by every mapping function: each returns `mapped`,
 * `skipped` or `invalid`, always with its warnings.
 * @module
 */
import type { InputErrorCode, SkipReason, WarningCode } from './codes.js'
import type { KnownState } from './rest/known-state.js'
import type { Settings } from './settings/types.js'

/**
 * Something in the input that was not sent unchanged: dropped, truncated, flattened,
 * renamed, converted, or unsupported by the chosen target. Nothing is lost silently.
 */
export interface Warning {
  /** Stable machine-readable code, e.g. `truncated`; see {@link WARNING_CODES} for each. */
  code: WarningCode
  /** Dotted path of the input value, e.g. `traits.address.city`. */
  path: string
  /** Human-readable explanation. */
  message: string
}

/** Why an event cannot be sent as given. */
export interface InputError {
  /** Stable machine-readable code, e.g. `wrong_type`; see {@link INPUT_ERROR_CODES} for each. */
  code: InputErrorCode
  /** Dotted path of the offending field, e.g. `timestamp` or `settings.region`. */
  path: string
  /** Human-readable explanation naming the field. */
  message: string
}

/** A successful mapping: the target-specific payload plus every warning. */
export type Mapped<T> = { status: 'mapped'; warnings: Warning[] } & T

/** A valid event that this target does not send. */
export interface Skipped {
  status: 'skipped'
  reason: SkipReason
  message: string
  warnings: Warning[]
}

/** An event that cannot be sent as given. */
export interface Invalid {
  status: 'invalid'
  errors: InputError[]
  warnings: Warning[]
}

/**
 * One call of a device-mode SDK (the web Messenger or a mobile SDK): the method's name
 * and its arguments, run as `sdk[method](...args)`.
 */
export interface DeviceCall<M extends string = string, A extends unknown[] = unknown[]> {
  method: M
  args: A
}

/** What a device-mode mapping function returns: its calls, in order, when mapped. */
export type DeviceMapping<C extends DeviceCall> = Mapped<{ calls: C[] }> | Skipped | Invalid

/** Options accepted by every mapping function. */
export interface MapOptions {
  /** Destination settings; see {@link Settings}. */
  settings?: Settings
  /**
   * "Now", for last-seen times. A number is epoch milliseconds.
   * Default: the event's `timestamp`. The library never reads the clock itself.
   */
  now?: Date | number
  /** REST: active event names already in the workspace (compared case-insensitively). */
  knownEventNames?: Iterable<string>
  /**
   * REST 2.x: what earlier deliveries learned (their outcomes' `learned`, merged with
   * {@link mergeKnown}). A remembered contact is updated without a search, an
   * unchanged company is not upserted again, an attached one not attached again; a
   * stale id falls back to the lookup. Never changes what is written.
   */
  known?: KnownState
  /**
   * REST 2.x: the custom attributes the workspace defines (Intercom's data attributes),
   * per model. Attributes not listed are handled by `settings.unknownAttributes` before
   * sending, without Intercom's 400 round trip. Without it nothing is assumed.
   */
  knownAttributes?: { contact?: Iterable<string>; company?: Iterable<string> }
}
