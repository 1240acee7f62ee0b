/**
 * Company steps over 2.x: upsert by `company_id`, attach to a contact, detach —
 * each skipped when the known state makes it unnecessary.
 * @module
 */
import { isRecord } from '../../_lib/is-record.js'
import type { NormalizedCompany, UserIdentity } from '../../normalize/model.js'
import { encodePathSegment, endpoint } from '../endpoint.js'
import {
  type Conversation,
  call,
  idOf,
  listOf,
  notFound,
  type Step,
  Stop,
  writtenId,
} from '../kernel.js'
import type { IntercomRequest, IntercomResponse } from '../types.js'
import { findContact } from './contacts.js'
import { write } from './data-attributes.js'

/**
 * The company's Intercom id, after writing `body` (`POST /companies`, an upsert on
 * `company_id`) — unless the same body was the last one written and its id is
 * remembered: then nothing is sent.
 */
export function* saveCompany(
  c: Conversation,
  company: Pick<NormalizedCompany, 'companyId' | 'path' | 'attributePaths'>,
  body: Record<string, unknown>,
  needId = true,
): Step<string | undefined> {
  const { companyId } = company
  // The body's text is what is remembered of a write: made only when it is compared or
  // learned, not before the first request (it costs as much as the rest of the mapping).
  const remembered = c.memory.companyId(companyId)
  if (remembered !== undefined && c.memory.companyWrite(companyId) === JSON.stringify(body)) {
    return remembered
  }
  const request = endpoint(c.settings, 'POST', '/companies', body)
  const response = yield* write(c, request, 'company', [], company.attributePaths)
  if (response instanceof Stop) return response
  const id = writtenId(c, request, response, needId, company.path)
  if (typeof id === 'string') c.memory.learnCompany(companyId, id, JSON.stringify(body))
  return id
}

/**
 * `POST /contacts/{id}/companies`: attach a company to the contact, unless it is
 * remembered as attached. A 404 on a remembered id forgets it ({@link notFound}).
 */
export function* attachCompany(c: Conversation, contactId: string, companyId: string): Step<true> {
  if (c.memory.isAttached(contactId, companyId)) return true
  const path = `/contacts/${encodePathSegment(contactId)}/companies`
  const request = endpoint(c.settings, 'POST', path, { id: companyId })
  const response = yield* call(c, request, [404])
  if (response instanceof Stop) return response
  if (response.status === 404) return notFound(c, request, response, [contactId, companyId])
  c.memory.learnAttachment(contactId, companyId, true)
  return true
}

/**
 * Detach the contact from the company with your `company_id`: find Intercom's id
 * (remembered, else {@link lookUpCompany}), then `DELETE /contacts/{id}/companies/{id}`.
 * A company Intercom does not know, or that is not attached, is nothing to detach
 * (a warning, not a failure).
 */
export function* detachCompany(
  c: Conversation,
  user: UserIdentity,
  contactId: string,
  companyId: string,
  path: string,
): Step<true> {
  const id = c.memory.companyId(companyId) ?? (yield* lookUpCompany(c, companyId, path))
  if (id === undefined || id instanceof Stop) return id ?? true
  return yield* detachById(c, user, contactId, companyId, id, path)
}

/**
 * `GET /companies?company_id=`: Intercom's id for your `company_id`, learned; a
 * company Intercom does not know is `undefined`, warned as `company_not_found`.
 */
function* lookUpCompany(
  c: Conversation,
  companyId: string,
  path: string,
): Step<string | undefined> {
  const find = endpoint(c.settings, 'GET', `/companies?company_id=${encodePathSegment(companyId)}`)
  const found = yield* call(c, find, [404])
  if (found instanceof Stop) return found
  const id = found.status === 404 ? undefined : lookedUpCompany(find, found, companyId)
  if (id instanceof Stop) return id
  if (id === undefined) {
    c.warnings.push({
      code: 'company_not_found',
      path,
      message: `Intercom has no company "${companyId}"; nothing to detach`,
    })
    return undefined
  }
  c.memory.learnCompany(companyId, id)
  return id
}

/**
 * `DELETE /contacts/{id}/companies/{id}` by Intercom's ids; a 404 is "not attached"
 * (a warning) once both ids are confirmed: a remembered contact by searching for
 * the user (another id, or none → the exchange starts over without it), a
 * remembered company by looking it up again (another id → detached by that one).
 * Each confirmation costs what the lookup it replaced would have.
 */
export function* detachById(
  c: Conversation,
  user: UserIdentity,
  contactId: string,
  companyId: string,
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
    if (!c.memory.isVerified(contactId)) {
      const found = yield* findContact(c, user)
      if (found instanceof Stop) return found
      if (found !== contactId) return notFound(c, del, gone, [contactId])
    }
    if (!c.memory.isVerified(intercomCompanyId)) {
      c.memory.forget(intercomCompanyId)
      const id = yield* lookUpCompany(c, companyId, path)
      if (id === undefined || id instanceof Stop) return id ?? true
      if (id !== intercomCompanyId)
        return yield* detachById(c, user, contactId, companyId, id, path)
    }
    c.warnings.push({
      code: 'not_attached',
      path,
      message: 'The contact is not attached to this company; nothing to detach',
    })
  }
  c.memory.learnAttachment(contactId, intercomCompanyId, false)
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
