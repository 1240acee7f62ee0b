import type { Warning } from '../types.js'
import { classify } from './classify.js'
import { delivered } from './outcome.js'
import type { Exchange, IntercomRequest } from './types.js'

/** A one-request conversation (every 1.4 call; `POST /events` in 2.x): send, classify. */
export function* singleExchange(
  request: IntercomRequest,
  warnings: readonly Warning[],
  nowMs: number | undefined,
): Exchange {
  const response = yield request
  return classify(request, response, nowMs) ?? delivered(1, warnings.slice())
}
