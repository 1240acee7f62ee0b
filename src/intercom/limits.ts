/**
 * Intercom's numeric limits and the error text that signals one, each once. Plain
 * constants, so every target imports only the ones it uses. Sources: Intercom's API
 * reference (2.x OpenAPI) and Segment's destination doc; see each comment.
 * @module
 */

/** Longest string an attribute or metadata value may hold, in characters (API reference: "≤ 255"). */
export const MAX_STRING_LENGTH = 255

/** Active (non-archived) event names a workspace may have (Intercom's events reference). */
export const MAX_ACTIVE_EVENT_NAMES = 120

/** Intercom's error message when a new event name would exceed {@link MAX_ACTIVE_EVENT_NAMES}. */
export const EVENT_NAME_LIMIT_TEXT = 'Cannot have more than 120 active event names'

/** Largest integer Intercom stores: its integer attributes are signed 32-bit. */
export const INT32_MAX = 2 ** 31 - 1

/** Smallest integer Intercom stores (signed 32-bit). */
export const INT32_MIN = -(2 ** 31)

/** Largest company `monthly_spend` (an int32; floats are truncated by Intercom). */
export const MAX_MONTHLY_SPEND = INT32_MAX

/** Metadata keys per event that Intercom's REST reference keeps. */
export const REST_MAX_EVENT_METADATA = 10

/** Metadata keys per event in Segment's destination doc (the `maxEventProperties` default). */
export const SEED_MAX_EVENT_METADATA = 5
