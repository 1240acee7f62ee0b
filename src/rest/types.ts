/**
 * REST descriptor types (DESIGN.md §3.3): plain data, no I/O.
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

/** How one delivery ended, before {@link Outcome.learned} is added. */
export type OutcomeEnd =
  | { status: 'delivered'; requests: number; warnings: Warning[] }
  | {
      status: 'retry'
      /** Why to retry; see {@link OUTCOME_CODES} for each. */
      code: OutcomeCode
      message: string
      /** Epoch milliseconds after which to retry (from `X-RateLimit-Reset`). */
      retryAt?: number
      /** Milliseconds from `options.now` (or, without it, from the delivery time) to `retryAt`. */
      retryAfterMs?: number
    }
  | {
      status: 'failed'
      /** Why it failed; see {@link OUTCOME_CODES} for each. */
      code: OutcomeCode
      message: string
      /** Intercom's error list, when it answered with one. */
      errors?: unknown[]
    }
  | { status: 'not_sent'; mapping: Skipped | Invalid }

/**
 * How one delivery ended, with what it learned: on every outcome, whatever its
 * status (`{ version: 1 }` when nothing). Store `learned` with {@link mergeKnown}
 * and pass it as `options.known` to later mappings.
 */
export type Outcome = OutcomeEnd & {
  /** Ids Intercom named and what was written, for later exchanges (DESIGN.md §3.3). */
  learned: KnownState
}

/**
 * A sans-I/O conversation with Intercom: yields each request to send, takes the
 * response back through `next(response)`, and returns the {@link Outcome}.
 */
export type Exchange = Generator<IntercomRequest, Outcome, IntercomResponse>

/** The host's transport: sends one request and resolves with Intercom's answer. */
export type Send = (request: IntercomRequest) => Promise<IntercomResponse>
