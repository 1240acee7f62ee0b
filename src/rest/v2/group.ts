import type { NormalizedGroup } from '../../normalize/model.js'
import { hasUser } from '../../normalize/user.js'
import { companyBody } from '../bodies.js'
import { endpoint, segment } from '../endpoint.js'
import { delivered } from '../outcome.js'
import type { Exchange } from '../types.js'
import { findContact } from './find-contact.js'
import {
  attachCompany,
  type Conversation,
  detachById,
  isStop,
  upsertCompany,
  write,
} from './steps.js'

/**
 * group over 2.x: upsert the company (`company_id` = groupId); then, when the call
 * names a user, find their contact, attach it (detach with `remove: true`), and
 * update its last-seen (the
 * Segment doc: a group call with a userId counts as activity unless
 * `context.active` is false). A user Intercom does not have yet → retry
 * `contact_not_found`, so a group sent before its identify is not lost.
 */
export function* groupExchange(c: Conversation, m: NormalizedGroup): Exchange {
  const companyId = yield* upsertCompany(c, companyBody(m.company, false))
  if (isStop(companyId)) return companyId
  if (!hasUser(m.user)) {
    return delivered(c.requests, c.warnings)
  }
  const contactId = yield* findContact(c, m.user)
  if (isStop(contactId)) return contactId
  if (contactId === undefined) {
    return {
      status: 'retry',
      code: 'contact_not_found',
      message: `The company was saved, but Intercom has no user ${m.user.userId ?? m.user.email} yet (or search has not caught up): deliver their identify first, then retry`,
    }
  }
  const linked = m.company.remove
    ? yield* detachById(c, contactId, companyId, m.company.path)
    : yield* attachCompany(c, contactId, companyId)
  if (isStop(linked)) return linked
  if (m.lastSeenAt !== undefined) {
    const touch = endpoint(c.settings, 'PUT', `/contacts/${segment(contactId)}`, {
      last_seen_at: m.lastSeenAt,
    })
    const done = yield* write(c, touch, 'contact')
    if (isStop(done)) return done
  }
  return delivered(c.requests, c.warnings)
}
