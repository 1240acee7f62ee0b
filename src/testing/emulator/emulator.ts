/**
 * The in-memory Intercom emulator: a deterministic fake workspace answering REST
 * requests as Intercom documents, for tests that use `deliver(mapping, send)`.
 * @module
 */
import type { IntercomRequest, IntercomResponse } from '../../rest/types.js'
import type { ResolvedOptions } from './context.js'
import { ApiError, apiErrorResponse, errorResponse } from './errors.js'
import { requestId } from './ids.js'
import { deepFreeze, isObject, type JsonObject, overTheWire } from './json.js'
import {
  createRateLimitState,
  peekHeaders,
  type RateLimitConfig,
  takeRequest,
} from './rate-limit.js'
import { acceptsJson, header, isJsonContentType, parsePath, parseVersion } from './request.js'
import { matchRoute } from './router.js'
import { snapshot } from './snapshot.js'
import { createStore } from './store.js'
import type {
  DataAttributeModel,
  DataAttributeType,
  EmulatorExchange,
  EmulatorOptions,
  EmulatorState,
  IntercomEmulator,
} from './types.js'

/** The virtual clock's default start: 2026-01-01T00:00:00Z. */
export const DEFAULT_START_TIME = Date.UTC(2026, 0, 1)

/** Intercom's limit on active event names per workspace. */
export const DEFAULT_MAX_EVENT_NAMES = 120

const MODELS: readonly DataAttributeModel[] = ['contact', 'company']
const DATA_TYPES: readonly DataAttributeType[] = ['string', 'integer', 'float', 'boolean', 'date']

function nonNegativeInteger(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${String(value)}`)
  }
  return value
}

function checkOptions(options: EmulatorOptions): {
  resolved: ResolvedOptions
  rateLimit: RateLimitConfig | undefined
  startTime: number
} {
  const startTime = options.startTime ?? DEFAULT_START_TIME
  if (!Number.isFinite(startTime)) throw new RangeError('startTime must be a finite number')
  const rateLimit = options.rateLimit
  if (rateLimit !== undefined) {
    if (!Number.isSafeInteger(rateLimit.limit) || rateLimit.limit < 1) {
      throw new RangeError('rateLimit.limit must be a positive integer')
    }
    if (!Number.isFinite(rateLimit.windowMs) || rateLimit.windowMs <= 0) {
      throw new RangeError('rateLimit.windowMs must be a positive number')
    }
  }
  for (const attribute of options.dataAttributes ?? []) {
    if (!MODELS.includes(attribute.model) || !DATA_TYPES.includes(attribute.data_type)) {
      throw new RangeError(`Invalid data attribute ${JSON.stringify(attribute)}`)
    }
  }
  return {
    startTime,
    rateLimit: rateLimit === undefined ? undefined : { ...rateLimit },
    resolved: {
      searchLag: nonNegativeInteger(options.searchLag, 'searchLag', 0),
      requireDefinedAttributes: options.requireDefinedAttributes ?? true,
      maxEventNames: nonNegativeInteger(
        options.maxEventNames,
        'maxEventNames',
        DEFAULT_MAX_EVENT_NAMES,
      ),
    },
  }
}

/**
 * A deep, frozen copy of a request as it would travel, for the request log. Copies
 * only what it can, so a malformed request is still logged (and never throws).
 */
function frozenRequest(request: IntercomRequest): IntercomRequest {
  const source: Partial<IntercomRequest> = isObject(request) ? request : {}
  const copy: IntercomRequest = {
    method: source.method as IntercomRequest['method'],
    url: String(source.url),
    path: String(source.path),
    headers: isObject(source.headers) ? { ...source.headers } : {},
  }
  const body = overTheWire(source.body)
  if (isObject(body)) copy.body = body
  return deepFreeze(copy)
}

/** A fresh deep copy of a response (responses hold JSON data only). */
function copyResponse(response: IntercomResponse): IntercomResponse {
  return overTheWire(response) as IntercomResponse
}

/**
 * Creates an in-memory Intercom workspace that answers {@link IntercomRequest}s the
 * way Intercom's REST API documents, deterministically: ids and request ids are
 * counters, time is a virtual clock that only {@link IntercomEmulator.advanceTime}
 * moves, and nothing is random.
 *
 * What it checks on every request, in order: `Authorization: Bearer <token>` when
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
 * @throws RangeError when an option is out of range (e.g. a negative `searchLag`).
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
  const { resolved, rateLimit, startTime } = checkOptions(options)
  let clock = startTime
  let seq = 0
  const nowSeconds = (): number => Math.floor(clock / 1000)
  const store = createStore(options.dataAttributes ?? [], options.eventNames ?? [], nowSeconds())
  const rateState = createRateLimitState()
  const log: EmulatorExchange[] = []

  function process(request: IntercomRequest, id: string): IntercomResponse {
    const token = options.token
    if (token !== undefined) {
      const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header(request, 'authorization') ?? '')
      if (match?.[1] !== token) {
        throw new ApiError(401, 'unauthorized', 'Access Token Invalid')
      }
    }
    if (rateLimit !== undefined && !takeRequest(rateState, rateLimit, clock).allowed) {
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
    const { handler, params } = matchRoute(request.method, path.segments, version)
    let body: JsonObject | undefined
    if (request.body !== undefined && isJsonContentType(header(request, 'content-type'))) {
      const parsed = overTheWire(request.body)
      if (!isObject(parsed))
        throw new ApiError(400, 'parameter_invalid', 'The body is not a JSON object')
      body = parsed
    }
    return handler({
      store,
      options: resolved,
      version,
      params,
      query: path.query,
      body,
      seq,
      nowSeconds: nowSeconds(),
    })
  }

  function handle(request: IntercomRequest): IntercomResponse {
    seq += 1
    const id = requestId(seq)
    let response: IntercomResponse
    try {
      response = process(request, id)
    } catch (error) {
      response =
        error instanceof ApiError
          ? apiErrorResponse(error, id)
          : errorResponse(500, id, {
              code: 'server_error',
              message: `Emulator error: ${error instanceof Error ? error.message : String(error)}`,
            })
    }
    if (rateLimit !== undefined) {
      response.headers = { ...response.headers, ...peekHeaders(rateState, rateLimit, clock) }
    }
    log.push({ request: frozenRequest(request), response: deepFreeze(copyResponse(response)) })
    return copyResponse(response)
  }

  return {
    handle,
    send: (request) => Promise.resolve(handle(request)),
    advanceTime(ms: number): void {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new RangeError(`advanceTime takes a finite number of ms ≥ 0, got ${String(ms)}`)
      }
      clock += ms
    },
    now: () => clock,
    get state(): EmulatorState {
      return snapshot(store)
    },
    get requests(): readonly EmulatorExchange[] {
      return Object.freeze([...log])
    },
  }
}
