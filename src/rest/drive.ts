import type { Exchange, IntercomRequest, IntercomResponse, Outcome } from './types.js'

/** A transport as `drive` takes it: synchronous (an emulator's `handle`) or not (`fetch`). */
export type Responder = (
  request: IntercomRequest,
) => IntercomResponse | PromiseLike<IntercomResponse>

/**
 * The one loop that runs an exchange: sends each yielded request, feeds the answer
 * back, and returns the outcome. Synchronous while `send` answers synchronously, so
 * tests and the CLI's `map` can drive an exchange against `emulator.handle` without
 * awaiting; a promise from `send` turns the rest of the run into a promise. Never
 * throws or rejects: a `send` that throws or rejects ends the exchange `retry`
 * `transport_error`; an exchange that throws (a library bug) ends `failed`
 * `internal_error`.
 */
export function drive(
  exchange: Exchange,
  send: (request: IntercomRequest) => IntercomResponse,
): Outcome
export function drive(exchange: Exchange, send: Responder): Outcome | Promise<Outcome>
export function drive(exchange: Exchange, send: Responder): Outcome | Promise<Outcome> {
  let step = advance(exchange, undefined)
  while (!step.done) {
    const answer = ask(exchange, send, step.value)
    if (answer.done) return answer.value
    if (isPromiseLike(answer.value)) return settle(exchange, send, step.value, answer.value)
    step = advance(exchange, answer.value)
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
    let response: IntercomResponse
    try {
      response = await answer
    } catch (error) {
      return unanswered(exchange, sent, error)
    }
    const step = advance(exchange, response)
    if (step.done) return step.value
    sent = step.value
    const next = ask(exchange, send, sent)
    if (next.done) return next.value
    answer = next.value
  }
}

type Turn<T> = { done: false; value: T } | { done: true; value: Outcome }

/** The exchange's next request, or its outcome. */
function advance(
  exchange: Exchange,
  response: IntercomResponse | undefined,
): IteratorResult<IntercomRequest, Outcome> {
  try {
    return response === undefined ? exchange.next() : exchange.next(response)
  } catch (error) {
    // Exchanges do not throw; this keeps `drive`'s contract if one does.
    return {
      done: true,
      value: { status: 'failed', code: 'internal_error', message: errorMessage(error) },
    }
  }
}

/** `send`'s answer (maybe a promise), or the outcome when it threw. */
function ask(
  exchange: Exchange,
  send: Responder,
  request: IntercomRequest,
): Turn<IntercomResponse | PromiseLike<IntercomResponse>> {
  try {
    return { done: false, value: send(request) }
  } catch (error) {
    return { done: true, value: unanswered(exchange, request, error) }
  }
}

function unanswered(exchange: Exchange, request: IntercomRequest, error: unknown): Outcome {
  const outcome: Outcome = {
    status: 'retry',
    code: 'transport_error',
    message: `${request.method} ${request.path} was not answered: ${errorMessage(error)}`,
  }
  try {
    exchange.return(outcome)
  } catch {
    // A generator's cleanup cannot fail the delivery.
  }
  return outcome
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
