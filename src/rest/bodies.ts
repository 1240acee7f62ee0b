import { hasKeys } from '../_lib/is-record.js'
import { writeCompanyFields } from '../company-fields.js'
import type { NormalizedCompany, NormalizedTrack } from '../normalize/model.js'

/** Request bodies that are the same in 1.4 and 2.x: `POST /companies` and `POST /events`. */

/**
 * A company as Intercom takes it: a `POST /companies` body, or (1.4, with
 * `withRemove`) an entry of a user's `companies[]`.
 */
export function companyBody(c: NormalizedCompany, withRemove: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  writeCompanyFields(body, c, 'remote_created_at')
  if (hasKeys(c.customAttributes)) body.custom_attributes = c.customAttributes
  if (withRemove && c.remove) body.remove = true
  return body
}

/** `POST /events`: `user_id` when known, else `email`. */
export function eventBody(m: NormalizedTrack, createdAt: number): Record<string, unknown> {
  const body: Record<string, unknown> = { event_name: m.eventName, created_at: createdAt }
  if (m.user.userId !== undefined) body.user_id = m.user.userId
  else if (m.user.email !== undefined) body.email = m.user.email
  if (hasKeys(m.metadata)) body.metadata = m.metadata
  return body
}
