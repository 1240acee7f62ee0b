/**
 * The REST conversation kernel: every request an exchange sends goes through
 * {@link call} (counted, then classified), every step returns its value or a
 * {@link Stop}, and {@link converse} turns a script's end into the exchange's
 * {@link Outcome}. The named steps (contacts, companies, data attributes) and the
 * per-call scripts (identify, group, track, the 1.4 calls) are built on these alone.
 * @module
 */
import { isRecord } from '../_lib/is-record.js'
import type { ResolvedSettings } from '../settings/types.js'
import type { Warning } from '../types.js'
import { classify, type Ending, isResponse } from './classify.js'
import type { Exchange, IntercomRequest, IntercomResponse } from './types.js'

/** What one conversation carries from step to step. */
export interface Conversation {
  readonly settings: ResolvedSettings
  /** `options.now` in epoch ms, for `retryAfterMs`. */
  readonly nowMs: number | undefined
  /** Requests yielded so far: only {@link call} counts them. */
  requests: number
  /** The mapping's warnings, then those the conversation adds. */
  readonly warnings: Warning[]
}

/** What a mapping fixes for every conversation it starts. */
export interface ConversationSetup {
  readonly settings: ResolvedSettings
  readonly nowMs: number | undefined
  readonly warnings: readonly Warning[]
}

/**
 * The value that ends an exchange early. A class, so a step's result is a stop by
 * what it is, never by its shape: a response body or an id can never pass for one.
 */
export class Stop {
  constructor(
    /** The exchange's outcome. */
    readonly outcome: Ending,
  ) {}
}

/**
 * A sub-conversation: yields requests, takes responses, and returns its value —
 * or a {@link Stop}, which the caller returns as is (`if (x instanceof Stop) return x`).
 */
export type Step<T> = Generator<IntercomRequest, T | Stop, IntercomResponse>

/** One call type's conversation, over the named steps. It ends `delivered` unless it stops. */
export type Script = (c: Conversation) => Step<unknown>

/** A fresh exchange: a new conversation, the script, and its outcome. */
export function* converse(setup: ConversationSetup, script: Script): Exchange {
  const c: Conversation = {
    settings: setup.settings,
    nowMs: setup.nowMs,
    requests: 0,
    warnings: setup.warnings.slice(),
  }
  const end = yield* script(c)
  if (end instanceof Stop) return end.outcome
  return { status: 'delivered', requests: c.requests, warnings: c.warnings }
}

/**
 * The one way to send a request: counts it, yields it, and classifies the answer.
 * A 2xx answer is returned; anything else ends the exchange ({@link classify}),
 * except the answers `handles` accepts, which the caller reads (e.g. 409 on
 * create, 404 on a lookup, an unknown attribute).
 */
export function* call(
  c: Conversation,
  request: IntercomRequest,
  handles?: readonly number[] | ((response: IntercomResponse) => boolean),
): Step<IntercomResponse> {
  c.requests++
  const response = yield request
  const ending = classify(request, response, c.nowMs)
  if (ending === undefined) return response
  if (handles !== undefined && isResponse(response) && accepts(handles, response)) return response
  return new Stop(ending)
}

function accepts(
  handles: readonly number[] | ((response: IntercomResponse) => boolean),
  response: IntercomResponse,
): boolean {
  return typeof handles === 'function' ? handles(response) : handles.includes(response.status)
}

/** Ends the exchange `failed` `unexpected_response`: a 2xx answer the next step cannot read. */
export function unexpected(request: IntercomRequest, what: string): Stop {
  return new Stop({
    status: 'failed',
    code: 'unexpected_response',
    message: `${request.method} ${request.path}: ${what}`,
  })
}

/** The Intercom `id` of a contact or company body. */
export function idOf(request: IntercomRequest, response: IntercomResponse): string | Stop {
  const body = response.body
  if (isRecord(body) && typeof body.id === 'string' && body.id !== '') return body.id
  return unexpected(request, 'the answer has no "id"')
}

/** An item of a list answer: it has an id, the rest is unchecked. */
export interface Listed {
  id: string
  [key: string]: unknown
}

/** The `data` list of a list or search answer. */
export function listOf(request: IntercomRequest, response: IntercomResponse): Listed[] | Stop {
  const body = response.body
  if (!isRecord(body) || !Array.isArray(body.data))
    return unexpected(request, 'the answer is not a list')
  const data: unknown[] = body.data
  for (const item of data) {
    if (!isRecord(item) || typeof item.id !== 'string')
      return unexpected(request, 'a listed item has no "id"')
  }
  return data as Listed[]
}

/** A script of one request (every 1.4 call; `POST /events` in 2.x): send it, classify the answer. */
export function single(request: IntercomRequest): Script {
  return function* (c): Step<void> {
    const sent = yield* call(c, request)
    if (sent instanceof Stop) return sent
  }
}
