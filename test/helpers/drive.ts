import { drive as run } from '../../src/rest/drive.js'
import type { Exchange, IntercomRequest, IntercomResponse, Outcome } from '../../src/rest/types.js'

/** Runs an exchange synchronously against a responder; returns every request and the outcome. */
export function drive(
  ex: Exchange,
  respond: (request: IntercomRequest) => IntercomResponse,
): { requests: IntercomRequest[]; outcome: Outcome } {
  const requests: IntercomRequest[] = []
  const outcome = run(ex, (request) => {
    requests.push(request)
    return respond(request)
  })
  return { requests, outcome }
}
