/**
 * REST descriptor types: plain data, no I/O.
 * @module
 */
import type { OutcomeCode } from '../codes.js'
import type { Invalid, Skipped, Warning } from '../types.js'
import type { KnownState } from './known-state.js'

/** HTTP methods the library ever yields. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

/**
 * One HTTP request to Intercom, as inert data. The host sends it and adds
 * `Authorization`: credentials never pass through this library.
 */
export interface IntercomRequest {
  method: HttpMethod
  /** Absolute URL: the region's base URL + {@link IntercomRequest.path}. */
  url: string
  /** Path and query, e.g. `/contacts/search` or `/companies?company_id=42`. */
  path: string
  /**
   * `Accept`, `Content-Type` (when there is a body) and `Intercom-Version`. Frozen in
   * the descriptors the library yields: copy them to add `Authorization`.
   */
  headers: Record<string, string>
  /** JSON body, for POST and PUT. Treat it as read-only: it may share objects with the mapping. */
  body?: Record<string, unknown>
}

/** What the host's transport got back. Header names may be in any case. */
export interface IntercomResponse {
  status: number
  headers?: Record<string, string>
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body?: unknown
}

/** The event reached Intercom: every request of the exchange got a 2xx answer. */
export interface DeliveredOutcome {
  /** The discriminant of {@link Outcome}. */
  status: 'delivered'
  /** How many requests the exchange sent. */
  requests: number
  /**
   * The mapping's warnings, then those of the conversation (e.g. an attribute created,
   * a company that was not attached).
   */
  warnings: Warning[]
  /**
   * What the exchange learned from Intercom's answers (`{ version: 1 }` when nothing):
   * store it with {@link mergeKnown} and pass it as `options.known` to later mappings.
   */
  learned: KnownState
}

/**
 * Not delivered this time, but the same event may succeed later: deliver it again from
 * the start (a fresh `exchange()`), after `retryAt` when it is given.
 */
export interface RetryOutcome {
  /** The discriminant of {@link Outcome}. */
  status: 'retry'
  /** Why, e.g. `rate_limited`, `contact_not_found`, `server_error`; see {@link OUTCOME_CODES} for each. */
  code: OutcomeCode
  /** Human-readable explanation. */
  message: string
  /** Epoch milliseconds after which to retry (from `X-RateLimit-Reset`). */
  retryAt?: number
  /** Milliseconds from `options.now` (or, without it, from the delivery time) to `retryAt`. */
  retryAfterMs?: number
  /**
   * What the exchange learned from Intercom's answers (`{ version: 1 }` when nothing):
   * store it with {@link mergeKnown} and pass it as `options.known` to later mappings.
   */
  learned: KnownState
}

/** Intercom refused the event, and sending it again unchanged would fail the same way. */
export interface FailedOutcome {
  /** The discriminant of {@link Outcome}. */
  status: 'failed'
  /** Why, e.g. `unauthorized`, `attribute_not_found`, `rejected`; see {@link OUTCOME_CODES} for each. */
  code: OutcomeCode
  /** Human-readable explanation. */
  message: string
  /** Intercom's `errors` list, when its answer had one. */
  errors?: unknown[]
  /**
   * What the exchange learned from Intercom's answers (`{ version: 1 }` when nothing):
   * store it with {@link mergeKnown} and pass it as `options.known` to later mappings.
   */
  learned: KnownState
}

/** Nothing was sent: the mapping was `skipped` or `invalid`. */
export interface NotSentOutcome {
  /** The discriminant of {@link Outcome}. */
  status: 'not_sent'
  /** The mapping, with its reason or its errors. */
  mapping: Skipped | Invalid
  /**
   * What the exchange learned from Intercom's answers (`{ version: 1 }` when nothing):
   * store it with {@link mergeKnown} and pass it as `options.known` to later mappings.
   */
  learned: KnownState
}

/**
 * How one delivery ended, discriminated on `status`:
 *
 * - `'delivered'`: {@link DeliveredOutcome}, Intercom has the event;
 * - `'retry'`: {@link RetryOutcome}, deliver it again later (after `retryAt` when given);
 * - `'failed'`: {@link FailedOutcome}, Intercom refused it, and would again;
 * - `'not_sent'`: {@link NotSentOutcome}, the mapping was `skipped` or `invalid`.
 */
export type Outcome = DeliveredOutcome | RetryOutcome | FailedOutcome | NotSentOutcome

/** An {@link Outcome} before the kernel attaches `learned`: each member without it. */
export type OutcomeEnd = Outcome extends infer O
  ? O extends Outcome
    ? Omit<O, 'learned'>
    : never
  : never

/**
 * A sans-I/O conversation with Intercom: yields each request to send, takes the
 * response back through `next(response)`, and returns the {@link Outcome}.
 */
export type Exchange = Generator<IntercomRequest, Outcome, IntercomResponse>

/** The host's transport: sends one request and resolves with Intercom's answer. */
export type Send = (request: IntercomRequest) => Promise<IntercomResponse>
