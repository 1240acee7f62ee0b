import type { NormalizedGroup } from '../../normalize/model.js'
import { hasUser } from '../../normalize/user.js'
import { companyBody } from '../bodies.js'
import { type Conversation, type Step, Stop } from '../kernel.js'
import { attachCompany, detachById, saveCompany } from './companies.js'
import { contactIdOf, touchContact } from './contacts.js'

/**
 * group over 2.x: upsert the company (`company_id` = groupId); then, when the call
 * names a user, find their contact, attach it (detach with `remove: true`), and
 * update its last-seen (the Segment doc: a group call with a userId counts as
 * activity unless `context.active` is false). A user Intercom does not have yet →
 * retry `contact_not_found`, so a group sent before its identify is not lost.
 */
export function* group(c: Conversation, m: NormalizedGroup): Step<void> {
  // Without a user nothing follows the upsert: an answer without the id is a warning only.
  const companyId = yield* saveCompany(c, m.company, companyBody(m.company, false), hasUser(m.user))
  if (companyId instanceof Stop) return companyId
  if (companyId === undefined || !hasUser(m.user)) return
  const contactId = yield* contactIdOf(c, m.user)
  if (contactId instanceof Stop) return contactId
  if (contactId === undefined) {
    return new Stop({
      status: 'retry',
      code: 'contact_not_found',
      message: `The company was saved, but Intercom has no user ${m.user.userId ?? m.user.email} yet (or search has not caught up): deliver their identify first, then retry`,
    })
  }
  const linked = m.company.remove
    ? yield* detachById(c, m.user, contactId, m.company.companyId, companyId, m.company.path)
    : yield* attachCompany(c, contactId, companyId)
  if (linked instanceof Stop) return linked
  if (m.lastSeenAt !== undefined) {
    const touched = yield* touchContact(c, m.user, contactId, m.lastSeenAt)
    if (touched instanceof Stop) return touched
  }
}
