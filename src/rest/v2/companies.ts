/**
 * Company steps over 2.x: upsert by `company_id`, attach to a contact, detach.
 * @module
 */
import { isRecord } from '../../_lib/is-record.js'
import { encodePathSegment, endpoint } from '../endpoint.js'
import { type Conversation, call, idOf, listOf, type Step, Stop } from '../kernel.js'
import type { IntercomRequest, IntercomResponse } from '../types.js'
import { write } from './data-attributes.js'

/** `POST /companies` (an upsert on `company_id`), returning Intercom's company id. */
export function* upsertCompany(c: Conversation, body: Record<string, unknown>): Step<string> {
  const request = endpoint(c.settings, 'POST', '/companies', body)
  const response = yield* write(c, request, 'company')
  if (response instanceof Stop) return response
  return idOf(request, response)
}

/** `POST /contacts/{id}/companies`: attach a company to the contact. */
export function* attachCompany(c: Conversation, contactId: string, companyId: string): Step<true> {
  const path = `/contacts/${encodePathSegment(contactId)}/companies`
  const response = yield* call(c, endpoint(c.settings, 'POST', path, { id: companyId }))
  return response instanceof Stop ? response : true
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
  const find = endpoint(c.settings, 'GET', `/companies?company_id=${encodePathSegment(companyId)}`)
  const found = yield* call(c, find, [404])
  if (found instanceof Stop) return found
  const id = found.status === 404 ? undefined : lookedUpCompany(find, found, companyId)
  if (id === undefined) {
    c.warnings.push({
      code: 'company_not_found',
      path,
      message: `Intercom has no company "${companyId}"; nothing to detach`,
    })
    return true
  }
  if (id instanceof Stop) return id
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
    `/contacts/${encodePathSegment(contactId)}/companies/${encodePathSegment(intercomCompanyId)}`,
  )
  const gone = yield* call(c, del, [404])
  if (gone instanceof Stop) return gone
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
    if (data instanceof Stop) return data
    return data.find((x) => x.company_id === companyId)?.id
  }
  return idOf(request, response)
}
