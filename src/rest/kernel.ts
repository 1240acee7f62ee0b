/**
 * The REST conversation kernel: every request an exchange sends goes through
 * {@link call} (counted, then classified), every step returns its value or a
 * {@link Stop}, and {@link converse} turns a script's end into the exchange's
 * outcome, with what the exchange learned ({@link Memory}). The named steps
 * (v2/contacts, v2/companies, v2/data-attributes) and the per-call scripts
 * (v2/identify, v2/group, and {@link single} for track and every 1.4 call) are
 * built on these alone.
 * @module
 */
import { isRecord } from '../_lib/is-record.js'
import type { ResolvedSettings } from '../settings/types.js'
import type { Warning } from '../types.js'
import { classify, type Ending, isResponse } from './classify.js'
import { Unanswered } from './drive.js'
import type { KnownStateData } from './known-state.js'
import { Memory } from './memory.js'
import { delivered } from './outcome.js'
import type { Exchange, IntercomRequest, IntercomResponse, OutcomeEnd } from './types.js'

/** What one conversation carries from step to step. */
export interface Conversation {
  readonly settings: ResolvedSettings
  /** `options.now` in epoch ms, for `retryAfterMs`. */
  readonly nowMs: number | undefined
  /** Requests yielded so far: only {@link call} counts them. */
  requests: number
  /** The mapping's warnings, then those the conversation adds. */
  readonly warnings: Warning[]
  /** What earlier exchanges learned (`options.known`) and what this one learns. */
  readonly memory: Memory
  /** `options.knownAttributes`: the custom attributes the workspace defines, per model. */
  readonly knownAttributes?: KnownAttributes | undefined
}

/** The custom attributes a workspace defines, per model, as the host says. */
export interface KnownAttributes {
  readonly contact?: ReadonlySet<string>
  readonly company?: ReadonlySet<string>
}

/** What a mapping fixes for every conversation it starts. */
export interface ConversationSetup {
  readonly settings: ResolvedSettings
  readonly nowMs: number | undefined
  readonly warnings: readonly Warning[]
  /** `options.known`, checked. */
  readonly known?: KnownStateData | undefined
  readonly knownAttributes?: KnownAttributes | undefined
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
 * A stop because a remembered id was stale: the conversation starts over without
 * it (its `outcome` is the end only if that keeps happening).
 */
export class Stale extends Stop {}

/**
 * A sub-conversation: yields requests, takes responses, and returns its value —
 * or a {@link Stop}, which the caller returns as is (`if (x instanceof Stop) return x`).
 */
export type Step<T> = Generator<IntercomRequest, T | Stop, IntercomResponse>

/** One call type's conversation, over the named steps. It ends `delivered` unless it stops. */
export type Script = (c: Conversation) => Step<unknown>

/** How often a script starts over after a stale id; each start forgets at least one. */
const MAX_RESTARTS = 3

/**
 * A fresh exchange: a new conversation, the script, and its outcome with what it
 * learned. A script that stops {@link Stale} starts over (its warnings undone, what
 * it learned kept), so a remembered id that 404s falls back to the lookup.
 */
export function* converse(setup: ConversationSetup, script: Script): Exchange {
  const warnings = setup.warnings.slice()
  const c: Conversation = {
    settings: setup.settings,
    nowMs: setup.nowMs,
    requests: 0,
    warnings,
    memory: new Memory(setup.known, (path, message) =>
      warnings.push({ code: 'invalid_known_state', path, message }),
    ),
    knownAttributes: setup.knownAttributes,
  }
  const end = yield* run(c, script)
  return { ...end, learned: c.memory.state() }
}

function* run(
  c: Conversation,
  script: Script,
): Generator<IntercomRequest, OutcomeEnd, IntercomResponse> {
  for (let restarts = 0; ; restarts++) {
    const mark = c.warnings.length
    let end: unknown
    try {
      end = yield* script(c)
    } catch (error) {
      if (error instanceof Unanswered) return error.outcome
      throw error
    }
    if (end instanceof Stale && restarts < MAX_RESTARTS) {
      c.warnings.length = mark
      continue
    }
    if (end instanceof Stop) return end.outcome
    return delivered(c.requests, c.warnings)
  }
}

/**
 * A 404 on a request that names ids: those this exchange has not seen in an
 * answer came from the known state and are stale — forgotten, and the script
 * starts over ({@link Stale}). When every id is fresh, the 404 is the outcome.
 */
export function notFound(
  c: Conversation,
  request: IntercomRequest,
  response: IntercomResponse,
  ids: readonly string[],
): Stop {
  const ending = classify(request, response, c.nowMs) as Ending
  const stale = ids.filter((id) => !c.memory.isVerified(id))
  if (stale.length === 0) return new Stop(ending)
  for (const id of stale) c.memory.forget(id)
  return new Stale(ending)
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

/**
 * The id of a 2xx answer that no later step needs: when the answer lacks it, the
 * write still happened, so the exchange goes on (`undefined`) with an
 * `incomplete_response` warning at `path`, instead of failing.
 */
export function optionalId(
  c: Conversation,
  request: IntercomRequest,
  response: IntercomResponse,
  path: string,
): string | undefined {
  const id = idOf(request, response)
  if (typeof id === 'string') return id
  c.warnings.push({
    code: 'incomplete_response',
    path,
    message: `${request.method} ${request.path}: the answer has no "id"; the write happened and nothing later needs it`,
  })
  return undefined
}

/**
 * The id of a write's answer: required ({@link idOf}) when a later step needs it,
 * else optional ({@link optionalId}, warned at `path`).
 */
export function writtenId(
  c: Conversation,
  request: IntercomRequest,
  response: IntercomResponse,
  needId: boolean,
  path: string,
): string | Stop | undefined {
  return needId ? idOf(request, response) : optionalId(c, request, response, path)
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
  // An arrow over a module-level generator: a generator function made per mapping costs V8
  // a new prototype for its generator objects, about a microsecond per event.
  return (c) => sendOne(c, request)
}

function* sendOne(c: Conversation, request: IntercomRequest): Step<void> {
  const sent = yield* call(c, request)
  if (sent instanceof Stop) return sent
}
