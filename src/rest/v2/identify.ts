import type { NormalizedIdentify } from '../../normalize/model.js'
import { companyBody } from '../bodies.js'
import { errorList, errorText } from '../classify.js'
import { endpoint, segment } from '../endpoint.js'
import { delivered } from '../outcome.js'
import type { Exchange, IntercomRequest } from '../types.js'
import { findContact } from './find-contact.js'
import {
  attachCompany,
  type Conversation,
  detachCompany,
  idOf,
  isStop,
  type Step,
  upsertCompany,
  write,
} from './steps.js'

/**
 * identify over 2.x, which has no user upsert: find the contact; update it, or
 * create it (a 409 means it exists but search has not caught up: update the id
 * the error names); then upsert and attach — or look up and detach — each company.
 */
export function* identifyExchange(
  c: Conversation,
  m: NormalizedIdentify,
  body: Record<string, unknown>,
): Exchange {
  const contactId = yield* upsertContact(c, m, body)
  if (isStop(contactId)) return contactId
  for (let i = 0; i < m.companies.length; i++) {
    const company = m.companies[i]
    if (company === undefined) continue
    if (company.remove) {
      const done = yield* detachCompany(c, contactId, company.companyId, company.path)
      if (isStop(done)) return done
      continue
    }
    const id = yield* upsertCompany(c, companyBody(company, false))
    if (isStop(id)) return id
    const done = yield* attachCompany(c, contactId, id)
    if (isStop(done)) return done
  }
  return delivered(c.requests, c.warnings)
}

function* upsertContact(
  c: Conversation,
  m: NormalizedIdentify,
  body: Record<string, unknown>,
): Step<string> {
  const found = yield* findContact(c, m.user)
  if (isStop(found)) return found
  if (found !== undefined) return yield* updateContact(c, found, body)

  const create = endpoint(c.settings, 'POST', '/contacts', { role: 'user', ...body })
  const created = yield* write(c, create, 'contact', [409])
  if (isStop(created)) return created
  if (created.status === 409) {
    const existing = conflictId(errorList(created.body))
    if (existing !== undefined) return yield* updateContact(c, existing, body)
    return {
      status: 'retry',
      code: 'conflict',
      message: `POST /contacts answered 409 without the existing contact's id (${errorText(created.body)}); search has not caught up yet: retry later`,
    }
  }
  return idOf(create, created)
}

function* updateContact(c: Conversation, id: string, body: Record<string, unknown>): Step<string> {
  const update: IntercomRequest = endpoint(c.settings, 'PUT', `/contacts/${segment(id)}`, body)
  const updated = yield* write(c, update, 'contact')
  return isStop(updated) ? updated : idOf(update, updated)
}

/** The id in Intercom's 409 text: "A contact matching those details already exists with id=<id>". */
export function conflictId(errors: readonly { message?: unknown }[]): string | undefined {
  for (const e of errors) {
    const message = typeof e.message === 'string' ? e.message : ''
    const at = message.indexOf('id=')
    if (at === -1) continue
    let end = at + 3
    while (end < message.length && /[A-Za-z0-9_-]/.test(message[end] as string)) end++
    if (end > at + 3) return message.slice(at + 3, end)
  }
  return undefined
}
