import type { Ending } from './classify.js'
import type { Exchange, IntercomRequest, IntercomResponse, Outcome } from './types.js'

/** A transport as `drive` takes it: synchronous (an emulator's `handle`) or not (`fetch`). */
export type Responder = (
  request: IntercomRequest,
) => IntercomResponse | PromiseLike<IntercomResponse>

/**
 * What `drive` throws into an exchange whose request was not answered (the
 * transport threw or rejected): the exchange ends with {@link Unanswered.outcome}
 * and what it learned so far — or lets it through, and `drive` ends it so.
 */
export class Unanswered extends Error {
  override readonly name = 'Unanswered'
  constructor(
    readonly request: IntercomRequest,
    override readonly cause: unknown,
  ) {
    super(`${request.method} ${request.path} was not answered: ${errorMessage(cause)}`)
  }

  /** `retry` `transport_error`, naming the request. */
  get outcome(): Ending {
    return { status: 'retry', code: 'transport_error', message: this.message }
  }
}

/**
 * The one loop that runs an exchange: sends each yielded request, feeds the answer
 * back, and returns the outcome. Synchronous while `send` answers synchronously, so
 * tests and the CLI's `map` can drive an exchange against `emulator.handle` without
 * awaiting; a promise from `send` turns the rest of the run into a promise. Never
 * throws or rejects: a `send` that throws or rejects ends the exchange `retry`
 * `transport_error` (thrown into it as {@link Unanswered}); an exchange that throws
 * (a library bug) ends `failed` `internal_error`.
 */
export function drive(
  exchange: Exchange,
  send: (request: IntercomRequest) => IntercomResponse,
): Outcome
export function drive(exchange: Exchange, send: Responder): Outcome | Promise<Outcome>
export function drive(exchange: Exchange, send: Responder): Outcome | Promise<Outcome> {
  let step = advance(() => exchange.next())
  while (!step.done) {
    const request = step.value
    let answer: IntercomResponse | PromiseLike<IntercomResponse>
    try {
      answer = send(request)
    } catch (error) {
      step = unanswered(exchange, request, error)
      continue
    }
    if (isPromiseLike(answer)) return settle(exchange, send, request, answer)
    const response = answer
    step = advance(() => exchange.next(response))
  }
  return step.value
}

/** The asynchronous rest of {@link drive}, once `send` has returned a promise. */
async function settle(
  exchange: Exchange,
  send: Responder,
  request: IntercomRequest,
  pending: PromiseLike<IntercomResponse>,
): Promise<Outcome> {
  let sent = request
  let answer: IntercomResponse | PromiseLike<IntercomResponse> = pending
  for (;;) {
    let step: IteratorResult<IntercomRequest, Outcome>
    try {
      const response = await answer
      step = advance(() => exchange.next(response))
    } catch (error) {
      step = unanswered(exchange, sent, error)
    }
    for (;;) {
      if (step.done) return step.value
      sent = step.value
      try {
        answer = send(sent)
        break
      } catch (error) {
        step = unanswered(exchange, sent, error)
      }
    }
  }
}

/** One turn of the exchange; a throw from it (a library bug) is its `internal_error` end. */
function advance(
  turn: () => IteratorResult<IntercomRequest, Outcome>,
): IteratorResult<IntercomRequest, Outcome> {
  try {
    return turn()
  } catch (error) {
    return { done: true, value: internalError(error) }
  }
}

/**
 * Tells the exchange its request was not answered ({@link Unanswered}); it ends (or
 * goes on) as it decides. An exchange that lets it through ends `retry`
 * `transport_error` with nothing learned; one that throws anything else, `internal_error`.
 */
export function unanswered(
  exchange: Exchange,
  request: IntercomRequest,
  error: unknown,
): IteratorResult<IntercomRequest, Outcome> {
  const failure = new Unanswered(request, error)
  try {
    return exchange.throw(failure)
  } catch (thrown) {
    if (thrown === failure) return { done: true, value: ended(failure.outcome) }
    return { done: true, value: internalError(thrown) }
  }
}

/**
 * `failed` `internal_error`: a throw where none should be (a library bug, or a host's
 * own exchange, clock or limiter), with nothing learned.
 */
export function internalError(error: unknown): Outcome {
  return ended({ status: 'failed', code: 'internal_error', message: errorMessage(error) })
}

/** An end the exchange did not return: it learned nothing `drive` can tell. */
function ended(end: Ending): Outcome {
  return { ...end, learned: { version: 1 } }
}

function isPromiseLike(value: unknown): value is PromiseLike<IntercomResponse> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}

/** A thrown value as text, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  try {
    return String(error)
  } catch {
    return 'unknown error'
  }
}
