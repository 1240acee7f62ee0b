import type { Exchange, IntercomRequest, IntercomResponse, Outcome } from '../../src/index.js'

/** Runs an exchange synchronously against a responder; returns every request and the outcome. */
export function drive(
  ex: Exchange,
  respond: (request: IntercomRequest) => IntercomResponse,
): { requests: IntercomRequest[]; outcome: Outcome } {
  const requests: IntercomRequest[] = []
  let step = ex.next()
  while (!step.done) {
    requests.push(step.value)
    step = ex.next(respond(step.value))
  }
  return { requests, outcome: step.value }
}
