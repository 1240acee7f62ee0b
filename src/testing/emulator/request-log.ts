/**
 * The request log behind {@link IntercomEmulator.requests}. Each exchange is kept as
 * the JSON text that travelled (one string per body, cheap for the garbage collector
 * in a run of 100,000 events) and turned into deep-frozen objects only when the log is
 * read, once per entry.
 * @module
 */
import type { HttpMethod, IntercomRequest, IntercomResponse } from '../../rest/types.js'
import { deepFreeze, isObject } from './json.js'
import type { EmulatorExchange } from './types.js'

/** One exchange as recorded. */
interface Recorded {
  method: HttpMethod
  url: string
  path: string
  headers: Record<string, string>
  /** The request body as sent over the wire; `undefined` when there was none. */
  body: string | undefined
  response: string
}

/** An append-only log of exchanges, read as frozen {@link EmulatorExchange}s. */
export interface RequestLog {
  /** Records a request (as the caller passed it) and the response's JSON text. */
  record(request: IntercomRequest, wireBody: string | undefined, response: string): void
  /** Every exchange so far, oldest first (a new frozen array; entries are shared). */
  entries(): readonly EmulatorExchange[]
  readonly length: number
}

/** A new, empty log. */
export function createRequestLog(): RequestLog {
  // Entries before `frozen` have been read, and replaced by their frozen objects.
  const log: (Recorded | EmulatorExchange)[] = []
  let frozen = 0
  return {
    record(request, wireBody, response) {
      // Copies only what it can, so a malformed request is still logged (never throws).
      const source: Partial<IntercomRequest> = isObject(request) ? request : {}
      log.push({
        method: source.method as HttpMethod,
        url: String(source.url),
        path: String(source.path),
        headers: isObject(source.headers) ? { ...source.headers } : {},
        body: wireBody,
        response,
      })
    },
    entries() {
      for (; frozen < log.length; frozen++) {
        const entry = log[frozen] as Recorded
        const request: IntercomRequest = {
          method: entry.method,
          url: entry.url,
          path: entry.path,
          headers: entry.headers,
        }
        const body: unknown = entry.body === undefined ? undefined : JSON.parse(entry.body)
        if (isObject(body)) request.body = body
        const response = JSON.parse(entry.response) as IntercomResponse
        log[frozen] = deepFreeze({ request, response })
      }
      return Object.freeze(log.slice() as EmulatorExchange[])
    },
    get length() {
      return log.length
    },
  }
}
