import { isRecord } from '../../_lib/is-record.js'
import type { ResolvedSettings } from '../../settings/types.js'
import type { Warning } from '../../types.js'
import { classify, errorList, isResponse, type Stop } from '../classify.js'
import { endpoint, segment } from '../endpoint.js'
import type { IntercomRequest, IntercomResponse } from '../types.js'
import { inferDataType, missingAttribute } from './missing-attribute.js'

/** What one 2.x conversation carries from step to step. */
export interface Conversation {
  settings: ResolvedSettings
  /** `options.now` in epoch ms, for `retryAfterMs`. */
  nowMs: number | undefined
  /** Requests yielded so far. */
  requests: number
  warnings: Warning[]
}

/** A sub-conversation: yields requests, returns a value or the {@link Stop} that ends the exchange. */
export type Step<T> = Generator<IntercomRequest, T | Stop, IntercomResponse>

/** Whether a step's result ends the exchange. */
export function isStop(v: unknown): v is Stop {
  return isRecord(v) && (v.status === 'retry' || v.status === 'failed')
}

function unexpected(request: IntercomRequest, what: string): Stop {
  return {
    status: 'failed',
    code: 'unexpected_response',
    message: `${request.method} ${request.path}: ${what}`,
  }
}

/**
 * Sends one request; a non-2xx answer becomes the exchange's outcome, except the
 * statuses in `pass`, which the caller handles (e.g. 409 on create, 404 on lookup).
 */
export function* call(
  c: Conversation,
  request: IntercomRequest,
  pass?: readonly number[],
): Step<IntercomResponse> {
  c.requests++
  const response = yield request
  if (pass !== undefined && isResponse(response) && pass.includes(response.status)) return response
  return classify(request, response, c.nowMs) ?? response
}

/** The Intercom `id` of a contact or company body. */
export function idOf(request: IntercomRequest, response: IntercomResponse): string | Stop {
  const body = response.body
  if (isRecord(body) && typeof body.id === 'string' && body.id !== '') return body.id
  return unexpected(request, 'the answer has no "id"')
}

/** The `data` list of a search answer. */
export function listOf(
  request: IntercomRequest,
  response: IntercomResponse,
): { id: string; [key: string]: unknown }[] | Stop {
  const body = response.body
  if (!isRecord(body) || !Array.isArray(body.data))
    return unexpected(request, 'the answer is not a list')
  const data = body.data
  for (const item of data) {
    if (!isRecord(item) || typeof item.id !== 'string')
      return unexpected(request, 'a listed item has no "id"')
  }
  return data as { id: string }[]
}

/**
 * Sends a write (contact or company) whose custom attributes Intercom may not
 * know. A missing attribute fails with `attribute_not_found` naming it — or, with
 * `createMissingAttributes`, is created (`POST /data_attributes`) and the write
 * retried, once per attribute.
 */
export function* write(
  c: Conversation,
  request: IntercomRequest,
  model: 'contact' | 'company',
  pass?: readonly number[],
): Step<IntercomResponse> {
  let created: Set<string> | undefined // only when Intercom reports a missing attribute
  for (;;) {
    c.requests++
    const response = yield request
    if (!isResponse(response)) return classify(request, response, c.nowMs) as Stop
    if (pass?.includes(response.status)) return response
    const name = missingAttribute(response.status, response.body)
    if (name === undefined) return classify(request, response, c.nowMs) ?? response
    if (!c.settings.createMissingAttributes || created?.has(name)) {
      return {
        status: 'failed',
        code: 'attribute_not_found',
        message: `Intercom has no ${model} attribute "${name}": create it in Intercom (Settings → Data) or set createMissingAttributes`,
        errors: [{ attribute: name, model }],
      }
    }
    created ??= new Set()
    created.add(name)
    const attributes = request.body?.custom_attributes
    const value = isRecord(attributes) ? attributes[name] : undefined
    const create = endpoint(c.settings, 'POST', '/data_attributes', {
      name,
      model,
      data_type: inferDataType(name, value),
    })
    const made = yield* call(c, create, [400])
    if (isStop(made)) return made
    if (made.status === 400) {
      // Created meanwhile by a concurrent delivery ("You already have 'plan' in your
      // people data"): it exists now, so the write is sent again, without a warning.
      if (errorList(made.body).some((e) => /already have/i.test(e.message ?? ''))) continue
      return classify(create, made, c.nowMs) as Stop
    }
    c.warnings.push({
      code: 'attribute_created',
      path: `custom_attributes.${name}`,
      message: `Created the ${model} attribute "${name}" in Intercom`,
    })
  }
}

/** `POST /companies` (an upsert on `company_id`), returning Intercom's company id. */
export function* upsertCompany(c: Conversation, body: Record<string, unknown>): Step<string> {
  const request = endpoint(c.settings, 'POST', '/companies', body)
  const response = yield* write(c, request, 'company')
  if (isStop(response)) return response
  return idOf(request, response)
}

/** `POST /contacts/{id}/companies`: attach a company to the contact. */
export function* attachCompany(c: Conversation, contactId: string, companyId: string): Step<true> {
  const request = endpoint(c.settings, 'POST', `/contacts/${segment(contactId)}/companies`, {
    id: companyId,
  })
  const response = yield* call(c, request)
  return isStop(response) ? response : true
}

/**
 * Detach the contact from the company with your `company_id`: find Intercom's id
 * (`GET /companies?company_id=`), then `DELETE /contacts/{id}/companies/{id}`. A
 * company Intercom does not know, or that is not attached, is nothing to detach
 * (a warning, not a failure).
 */
export function* detachCompany(
  c: Conversation,
  contactId: string,
  companyId: string,
  path: string,
): Step<true> {
  const find = endpoint(c.settings, 'GET', `/companies?company_id=${segment(companyId)}`)
  const found = yield* call(c, find, [404])
  if (isStop(found)) return found
  const id = found.status === 404 ? undefined : lookedUpCompany(find, found, companyId)
  if (id === undefined) {
    c.warnings.push({
      code: 'company_not_found',
      path,
      message: `Intercom has no company "${companyId}"; nothing to detach`,
    })
    return true
  }
  if (isStop(id)) return id
  return yield* detachById(c, contactId, id, path)
}

/** `DELETE /contacts/{id}/companies/{id}` by Intercom's company id; not attached is a warning. */
export function* detachById(
  c: Conversation,
  contactId: string,
  intercomCompanyId: string,
  path: string,
): Step<true> {
  const del = endpoint(
    c.settings,
    'DELETE',
    `/contacts/${segment(contactId)}/companies/${segment(intercomCompanyId)}`,
  )
  const gone = yield* call(c, del, [404])
  if (isStop(gone)) return gone
  if (gone.status === 404) {
    c.warnings.push({
      code: 'not_attached',
      path,
      message: 'The contact is not attached to this company; nothing to detach',
    })
  }
  return true
}

/**
 * Intercom's id from a `GET /companies?company_id=` answer: 2.16 documents a
 * `company_list`; older versions answered the company itself. Accept both.
 */
function lookedUpCompany(
  request: IntercomRequest,
  response: IntercomResponse,
  companyId: string,
): string | Stop | undefined {
  const body = response.body
  if (isRecord(body) && body.type === 'list') {
    const data = listOf(request, response)
    if (isStop(data)) return data
    return data.find((x) => x.company_id === companyId)?.id
  }
  return idOf(request, response)
}
