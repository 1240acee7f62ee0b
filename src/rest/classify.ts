import { isRecord } from '../_lib/is-record.js'
import { EVENT_NAME_LIMIT_TEXT } from '../intercom/limits.js'
import { responseHeader } from './response-header.js'
import type { IntercomRequest, IntercomResponse, OutcomeEnd } from './types.js'

/** An outcome that ends an exchange early (anything but `delivered`). */
export type Ending = Exclude<OutcomeEnd, { status: 'delivered' } | { status: 'not_sent' }>

/** `errors[]` of Intercom's error body (`{ type: 'error.list', errors: [...] }`), if any. */
export function errorList(body: unknown): { code?: string; message?: string }[] {
  if (!isRecord(body) || !Array.isArray(body.errors)) return []
  return body.errors.filter(isRecord) as { code?: string; message?: string }[]
}

/** All error messages of a response, joined, for matching and for outcome messages. */
export function errorText(body: unknown): string {
  const list = errorList(body)
  if (list.length > 0) {
    return list.map((e) => (typeof e.message === 'string' ? e.message : String(e.code))).join('; ')
  }
  return typeof body === 'string' ? body.slice(0, 200) : ''
}

/** Whether `response` is a response object at all (a transport may hand back anything). */
export function isResponse(response: unknown): response is IntercomResponse {
  return (
    isRecord(response) && typeof response.status === 'number' && Number.isInteger(response.status)
  )
}

/**
 * The outcome a response ends the exchange with, or `undefined` when it is a 2xx
 * success the exchange can read on. Rules, from Intercom's documented answers:
 * 429 → retry at `X-RateLimit-Reset`; 5xx/408 → retry; 404 on `POST /events` →
 * retry `contact_not_found` (the identify/track race); 401/403 → failed; the
 * event-name-limit error → failed `event_name_limit`; other 4xx → failed `rejected`
 * with Intercom's `errors[]`.
 *
 * @param nowMs `options.now` in epoch ms, to compute `retryAfterMs`; when absent
 *   `deliver` computes it from the clock.
 */
export function classify(
  request: IntercomRequest,
  response: unknown,
  nowMs: number | undefined,
): Ending | undefined {
  if (!isResponse(response)) {
    return {
      status: 'failed',
      code: 'unexpected_response',
      message: `${request.method} ${request.path}: the transport returned no response status`,
    }
  }
  const { status, body } = response
  if (status >= 200 && status < 300) return undefined
  const where = `${request.method} ${request.path} answered ${status}`
  const text = errorText(body)
  const detail = text === '' ? where : `${where}: ${text}`
  if (status === 429) return rateLimited(response, nowMs, detail)
  if (status >= 500 || status === 408) {
    return { status: 'retry', code: status === 408 ? 'timeout' : 'server_error', message: detail }
  }
  if (status === 404 && request.method === 'POST' && request.path === '/events') {
    return {
      status: 'retry',
      code: 'contact_not_found',
      message: `${detail}. The user does not exist yet: deliver their identify first, then retry`,
    }
  }
  const errors = errorList(body)
  if (status === 401)
    return {
      status: 'failed',
      code: 'unauthorized',
      message: `${detail}. Check the access token`,
      errors,
    }
  if (status === 403) {
    return {
      status: 'failed',
      code: 'forbidden',
      message: `${detail}. If identity verification is on, send a valid user_hash; for browser calls, allow-list the domain in Intercom`,
      errors,
    }
  }
  if ((status === 400 || status === 422) && text.includes(EVENT_NAME_LIMIT_TEXT)) {
    return {
      status: 'failed',
      code: 'event_name_limit',
      message: `${detail}. Archive unused event names in Intercom or stop sending new ones`,
      errors,
    }
  }
  // Intercom's own codes stay in `errors`: the outcome's code is always the library's.
  if (status >= 400 && status < 500)
    return { status: 'failed', code: 'rejected', message: detail, errors }
  return { status: 'failed', code: 'unexpected_response', message: detail }
}

type Retry = Extract<OutcomeEnd, { status: 'retry' }>

function rateLimited(
  response: IntercomResponse,
  nowMs: number | undefined,
  message: string,
): Retry {
  const outcome: Retry = { status: 'retry', code: 'rate_limited', message }
  const reset = Number(responseHeader(response.headers, 'X-RateLimit-Reset'))
  if (Number.isFinite(reset) && reset > 0) {
    outcome.retryAt = reset * 1000
    if (nowMs !== undefined) outcome.retryAfterMs = Math.max(0, outcome.retryAt - nowMs)
    return outcome
  }
  const after = Number(responseHeader(response.headers, 'Retry-After'))
  if (Number.isFinite(after) && after >= 0) {
    outcome.retryAfterMs = after * 1000
    if (nowMs !== undefined) outcome.retryAt = nowMs + outcome.retryAfterMs
  }
  return outcome
}
