import type { NormalizedCompany, NormalizedIdentify } from '../../normalize/model.js'
import { companyBody } from '../bodies.js'
import { type Conversation, type Step, Stop } from '../kernel.js'
import { attachCompany, detachCompany, saveCompany } from './companies.js'
import { upsertContact } from './contacts.js'

/**
 * identify over 2.x: write the contact (find, then update or create); then upsert
 * and attach — or look up and detach — each of the user's companies. With known
 * state, a remembered contact is updated without a search, an unchanged company
 * is not upserted and an attached one is not attached again.
 */
export function* identify(
  c: Conversation,
  m: NormalizedIdentify,
  body: Record<string, unknown>,
): Step<void> {
  // With no company to attach, nothing needs the contact's id from the answer.
  const needId = m.companies.length > 0
  const contactId = yield* upsertContact(c, m.user, body, m.attributePaths, needId)
  if (contactId === undefined || contactId instanceof Stop) return contactId
  for (const company of m.companies) {
    const done = company.remove
      ? yield* detachCompany(c, m.user, contactId, company.companyId, company.path)
      : yield* joinCompany(c, contactId, company, companyBody(company, false))
    if (done instanceof Stop) return done
  }
}

function* joinCompany(
  c: Conversation,
  contactId: string,
  company: NormalizedCompany,
  body: Record<string, unknown>,
): Step<true> {
  const id = yield* saveCompany(c, company, body)
  if (id === undefined || id instanceof Stop) return id ?? true
  return yield* attachCompany(c, contactId, id)
}
