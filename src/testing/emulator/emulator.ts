/**
 * The in-memory Intercom emulator: a deterministic fake workspace answering REST
 * requests as Intercom documents, for tests that use `deliver(mapping, send)`.
 *
 * It is deliberately an independent test double: it restates the Intercom facts it
 * enforces (120 active event names, 255-character strings, 250 custom attributes,
 * 1000 companies per contact, error codes and messages…) in its own modules instead
 * of importing the mapping code's constants, so a mistaken fact in the library is
 * caught by the emulator rather than shared with it.
 * @module
 */
import type { IntercomRequest, IntercomResponse } from '../../rest/types.js'
import { ApiError, apiErrorResponse, errorResponse } from './errors.js'
import { requestId } from './ids.js'
import { isObject, type JsonObject, wireText } from './json.js'
import { checkOptions, EmulatorOptionError } from './options.js'
import { mulberry32, type Random } from './prng.js'
import {
  createRateLimitState,
  peekHeaders,
  type RateLimitState,
  takeRequest,
} from './rate-limit.js'
import { acceptsJson, header, isJsonContentType, parsePath, parseVersion } from './request.js'
import { createRequestLog, type RequestLog } from './request-log.js'
import { matchRoute } from './router.js'
import { snapshot } from './snapshot.js'
import { createStore, type Store } from './store.js'
import type { EmulatorExchange, EmulatorOptions, EmulatorState, IntercomEmulator } from './types.js'

export {
  DEFAULT_MAX_EVENT_NAMES,
  DEFAULT_START_TIME,
  EmulatorOptionError,
} from './options.js'

/**
 * Creates an in-memory Intercom workspace that answers {@link IntercomRequest}s the
 * way Intercom's REST API documents, deterministically: ids and request ids are
 * counters, time is a virtual clock that only {@link IntercomEmulator.advanceTime}
 * moves (unless `clock` is given, e.g. `Date.now`), and injected faults come from a
 * seeded generator. {@link IntercomEmulator.reset} starts it over.
 *
 * Lookups use indexes (ids, `external_id`, email, `company_id`, associations,
 * events), and so does `POST /contacts/search` for equality on `id`, `external_id`
 * or `email` (alone, or in `AND`/`OR` groups), which is what `deliver` sends: the
 * cost of such a request does not grow with the workspace, and 100,000 events replay
 * in seconds. Other searches test every contact; listing all companies lists them all.
 *
 * What it checks on every request, in order: an injected fault (`faults`: `500
 * server_error`); `Authorization: Bearer <token>` when
 * `token` is set (`401 unauthorized`); the rate limit when configured (`429
 * rate_limit_exceeded`; every response then carries `X-RateLimit-Limit`,
 * `X-RateLimit-Remaining` and `X-RateLimit-Reset`); `Accept` includes
 * `application/json` (`406`); `Intercom-Version` is 1.0–1.4 or 2.0–2.16 (`400
 * intercom_version_invalid`). The body is read as it would arrive after
 * `JSON.stringify` (so `undefined` members vanish), and only with a JSON
 * `Content-Type`; a route that needs a body and has none answers `400
 * parameter_not_found`.
 *
 * Routes under 2.x: `POST /contacts`, `PUT`/`GET /contacts/{id}`,
 * `GET /contacts/find_by_external_id/{external_id}` (2.13+), `POST /contacts/search`,
 * `POST`/`GET /contacts/{id}/companies`, `DELETE /contacts/{id}/companies/{company_id}`,
 * `POST`/`GET /companies`, `POST /events`, `GET`/`POST /data_attributes`. Under 1.x:
 * `POST /users`, `POST`/`GET /companies`, `POST /events`. Anything else is `404
 * not_found` (`/users` under 2.x says to use the Contacts API). Errors are Intercom's
 * `{ type: 'error.list', request_id, errors: [{ code, message, field? }] }`.
 *
 * @param options - See {@link EmulatorOptions}.
 * @returns The emulator; pass `emulator.send` as the transport.
 * @throws {@link EmulatorOptionError} (a `RangeError`) naming the first unusable
 * option, e.g. a negative `searchLag` or a `faults.serverErrorRate` above 1.
 *
 * @example
 * ```ts
 * import { deliver, toRest } from 'segment-intercom'
 * import { createIntercomEmulator } from 'segment-intercom/testing'
 *
 * const intercom = createIntercomEmulator({
 *   dataAttributes: [{ name: 'plan', model: 'contact', data_type: 'string' }],
 *   searchLag: 2,
 * })
 * const identify = {
 *   type: 'identify',
 *   userId: 'u1',
 *   timestamp: '2026-01-01T00:00:00Z',
 *   traits: { email: 'a@example.com', plan: 'pro' },
 * }
 * const outcome = await deliver(toRest(identify), intercom.send)
 * // outcome.status === 'delivered'
 * // intercom.state.contacts[0].custom_attributes.plan === 'pro'
 * // intercom.requests.map((r) => r.request.path) → ['/contacts/search', '/contacts']
 * ```
 *
 * @example
 * ```ts
 * const intercom = createIntercomEmulator()
 * const created = intercom.handle({
 *   method: 'POST',
 *   url: 'https://api.intercom.io/contacts',
 *   path: '/contacts',
 *   headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'Intercom-Version': '2.16' },
 *   body: { external_id: 'u1' },
 * })
 * // created.status === 200; a second identical request answers 409 conflict
 * // "A contact matching those details already exists with id=6a00c0000000000000000001"
 * ```
 */
export function createIntercomEmulator(options: EmulatorOptions = {}): IntercomEmulator {
  const { resolved, rateLimit, startTime, clock, faults, token } = checkOptions(options)
  // Copied once, so that reset() restores them even if the caller's arrays change.
  const dataAttributes = (options.dataAttributes ?? []).map((a) => ({ ...a }))
  const eventNames = [...(options.eventNames ?? [])]

  /** The time before `advanceTime`: the external clock, or the virtual clock's start. */
  function baseTime(): number {
    if (clock === undefined) return startTime
    const time = clock()
    if (typeof time !== 'number' || !Number.isFinite(time)) {
      throw new EmulatorOptionError('clock', `returned ${String(time)}, not epoch milliseconds`)
    }
    return time
  }

  /** Everything `reset()` discards. */
  interface Workspace {
    store: Store
    /** Milliseconds added by `advanceTime`. */
    advanced: number
    /** Requests handled so far (the last request's sequence number). */
    seq: number
    rateState: RateLimitState
    random: Random | undefined
    log: RequestLog
    /** The last state snapshot, until a write invalidates it. */
    snapshot: EmulatorState | undefined
  }

  function freshWorkspace(): Workspace {
    const nowSeconds = Math.floor(baseTime() / 1000)
    return {
      store: createStore(dataAttributes, eventNames, nowSeconds),
      advanced: 0,
      seq: 0,
      rateState: createRateLimitState(),
      random: faults === undefined ? undefined : mulberry32(faults.seed),
      log: createRequestLog(),
      snapshot: undefined,
    }
  }

  let ws = freshWorkspace()

  function process(
    request: IntercomRequest,
    wireBody: string | undefined,
    id: string,
    now: number,
  ): IntercomResponse {
    if (token !== undefined) {
      const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header(request, 'authorization') ?? '')
      if (match?.[1] !== token) {
        throw new ApiError(401, 'unauthorized', 'Access Token Invalid')
      }
    }
    if (rateLimit !== undefined && !takeRequest(ws.rateState, rateLimit, now).allowed) {
      throw new ApiError(429, 'rate_limit_exceeded', 'Exceeded rate limit')
    }
    if (!acceptsJson(header(request, 'accept'))) {
      return errorResponse(406, id, {
        code: 'not_acceptable',
        message: 'The Accept header must include application/json',
      })
    }
    const versionHeader = header(request, 'intercom-version')
    const version = parseVersion(versionHeader)
    if (version === undefined) {
      throw new ApiError(
        400,
        'intercom_version_invalid',
        versionHeader === undefined
          ? 'The Intercom-Version header is required'
          : `'${versionHeader}' is not a valid Intercom-Version`,
      )
    }
    const path = parsePath(request.path)
    if (path === undefined) throw new ApiError(404, 'not_found', 'Resource Not Found')
    const { handler, params, writes } = matchRoute(request.method, path.segments, version)
    let body: JsonObject | undefined
    if (request.body !== undefined && isJsonContentType(header(request, 'content-type'))) {
      const parsed: unknown = wireBody === undefined ? undefined : JSON.parse(wireBody)
      if (!isObject(parsed))
        throw new ApiError(400, 'parameter_invalid', 'The body is not a JSON object')
      body = parsed
    }
    // Invalidated before the handler runs: a handler that throws has changed nothing,
    // but the cache need not rely on that.
    if (writes) ws.snapshot = undefined
    return handler({
      store: ws.store,
      options: resolved,
      version,
      params,
      query: path.query,
      body,
      seq: ws.seq,
      nowSeconds: Math.floor(now / 1000),
    })
  }

  /** An injected fault for this request, drawn whatever the request is. */
  function injectedFault(): boolean {
    return ws.random !== undefined && faults !== undefined && ws.random() < faults.serverErrorRate
  }

  function handle(request: IntercomRequest): IntercomResponse {
    ws.seq += 1
    const id = requestId(ws.seq)
    const faulted = injectedFault()
    // Serialised once: the handler reads it parsed, the log keeps the text.
    const wireBody = isObject(request) ? wireText(request.body) : undefined
    let now: number | undefined
    let response: IntercomResponse
    try {
      now = baseTime() + ws.advanced
      response = faulted
        ? errorResponse(500, id, {
            code: 'server_error',
            message: 'An internal server error occurred (injected fault)',
          })
        : process(request, wireBody, id, now)
    } catch (error) {
      response =
        error instanceof ApiError
          ? apiErrorResponse(error, id)
          : errorResponse(500, id, {
              code: 'server_error',
              message: `Emulator error: ${error instanceof Error ? error.message : String(error)}`,
            })
    }
    if (rateLimit !== undefined && now !== undefined) {
      response.headers = { ...response.headers, ...peekHeaders(ws.rateState, rateLimit, now) }
    }
    // Responses hold JSON data only; the caller gets a copy as it would arrive.
    const text = JSON.stringify(response)
    ws.log.record(request, wireBody, text)
    return JSON.parse(text) as IntercomResponse
  }

  return {
    handle,
    send: (request) => Promise.resolve(handle(request)),
    advanceTime(ms: number): void {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new RangeError(`advanceTime takes a finite number of ms ≥ 0, got ${String(ms)}`)
      }
      ws.advanced += ms
    },
    now: () => baseTime() + ws.advanced,
    reset(): void {
      ws = freshWorkspace()
    },
    get state(): EmulatorState {
      ws.snapshot ??= snapshot(ws.store)
      // A new top-level object per read; its (frozen) members are shared until a write.
      return Object.freeze({ ...ws.snapshot })
    },
    get requests(): readonly EmulatorExchange[] {
      return ws.log.entries()
    },
  }
}
