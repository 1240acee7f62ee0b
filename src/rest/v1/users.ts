import { hasKeys } from '../../_lib/is-record.js'
import type { NormalizedGroup, NormalizedIdentify, UserIdentity } from '../../normalize/model.js'
import type { Warning } from '../../types.js'
import { warn } from '../../warnings.js'
import { companyBody } from '../bodies.js'

/** Legacy 1.4 `POST /users` bodies (the Users API upserts by `user_id`, else `email`). */

function userKeys(user: UserIdentity, body: Record<string, unknown>): void {
  if (user.userId !== undefined) body.user_id = user.userId
  if (user.email !== undefined) body.email = user.email
}

/** `POST /users` for an identify (1.4 upserts by `user_id`, else `email`). */
export function identifyBody(m: NormalizedIdentify, warnings: Warning[]): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  userKeys(m.user, body)
  if (m.name !== undefined) body.name = m.name
  if (m.phone !== undefined) body.phone = m.phone
  if (m.avatar !== undefined) {
    warn(
      warnings,
      'unsupported_field',
      'traits.avatar',
      'The 1.4 Users API cannot set an avatar; not sent',
    )
  }
  if (m.signedUpAt !== undefined) body.signed_up_at = m.signedUpAt
  if (m.ownerPath !== undefined) {
    warn(
      warnings,
      'unsupported_field',
      m.ownerPath,
      'The 1.4 Users API cannot set an owner; not sent',
    )
  }
  if (m.lastSeenAt !== undefined) body.last_request_at = m.lastSeenAt
  if (m.ip !== undefined) body.last_seen_ip = m.ip
  if (m.userAgent !== undefined) body.last_seen_user_agent = m.userAgent
  if (m.options.unsubscribedFromEmails !== undefined) {
    body.unsubscribed_from_emails = m.options.unsubscribedFromEmails
  }
  if (m.companies.length > 0) body.companies = m.companies.map((c) => companyBody(c, true))
  if (hasKeys(m.customAttributes)) body.custom_attributes = m.customAttributes
  return body
}

/**
 * `POST /users` attaching the group's company (1.4 creates or updates it from this
 * entry) — or detaching it, when the group traits say `remove: true`.
 */
export function groupUserBody(m: NormalizedGroup): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  userKeys(m.user, body)
  if (m.lastSeenAt !== undefined) body.last_request_at = m.lastSeenAt
  body.companies = [companyBody(m.company, true)]
  return body
}
