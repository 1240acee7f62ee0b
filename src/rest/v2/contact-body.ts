import { hasKeys } from '../../_lib/is-record.js'
import type { NormalizedIdentify, UserIdentity } from '../../normalize/model.js'
import type { Warning } from '../../types.js'
import { warn } from '../../warnings.js'

/**
 * The 2.x contact body (`POST /contacts` adds `role: 'user'`; `PUT /contacts/{id}`
 * takes it as is). Fields 2.x cannot write are warned, not sent.
 */
export function contactBody(
  m: NormalizedIdentify,
  warnings: Warning[],
  apiVersion = '2.16',
): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  if (m.user.userId !== undefined) body.external_id = m.user.userId
  if (m.user.email !== undefined) body.email = m.user.email
  if (m.name !== undefined) body.name = m.name
  if (m.phone !== undefined) body.phone = m.phone
  if (m.avatar !== undefined) body.avatar = m.avatar
  if (m.signedUpAt !== undefined) body.signed_up_at = m.signedUpAt
  if (m.lastSeenAt !== undefined) body.last_seen_at = m.lastSeenAt
  if (m.options.unsubscribedFromEmails !== undefined) {
    body.unsubscribed_from_emails = m.options.unsubscribedFromEmails
  }
  if (m.ownerId !== undefined) {
    body.owner_id = ownerIdAsText(apiVersion) ? String(m.ownerId) : m.ownerId
  }
  if (hasKeys(m.customAttributes)) body.custom_attributes = m.customAttributes
  if (m.ip !== undefined) {
    warn(
      warnings,
      'unsupported_field',
      'context.ip',
      'The 2.x Contacts API cannot set last_seen_ip; not sent',
    )
  }
  if (m.userAgent !== undefined) {
    warn(
      warnings,
      'unsupported_field',
      'context.userAgent',
      'The 2.x Contacts API cannot set last_seen_user_agent; not sent',
    )
  }
  return body
}

/**
 * Whether this 2.x version types a contact's `owner_id` as text: 2.16 does, 2.11 (and
 * the versions before 2.16) an integer (the OpenAPI files of both).
 */
export function ownerIdAsText(apiVersion: string): boolean {
  const minor = Number(apiVersion.slice(2))
  return !(Number.isInteger(minor) && minor < 16)
}

/**
 * `POST /contacts/search` for the user: by `external_id`, or by email, or (both
 * known) either, in one request; {@link pickContact} chooses among the results.
 */
export function searchBody(user: UserIdentity): Record<string, unknown> {
  const byId =
    user.userId === undefined
      ? undefined
      : { field: 'external_id', operator: '=', value: user.userId }
  const byEmail =
    user.email === undefined ? undefined : { field: 'email', operator: '=', value: user.email }
  const query = byId && byEmail ? { operator: 'OR', value: [byId, byEmail] } : (byId ?? byEmail)
  return { query }
}

/** A contact as the search answers it (only what the choice needs). */
interface FoundContact {
  id: string
  external_id?: unknown
  email?: unknown
  role?: unknown
}

/**
 * The contact the search found for this user: the one whose `external_id` is the
 * userId; else, by email, a user without an `external_id` (it is adopted: the update
 * sets it) — never a contact that belongs to another userId, never a lead.
 */
export function pickContact(data: readonly FoundContact[], user: UserIdentity): string | undefined {
  if (user.userId !== undefined) {
    for (const c of data) if (c.external_id === user.userId) return c.id
    for (const c of data) {
      const noExternalId =
        c.external_id === undefined || c.external_id === null || c.external_id === ''
      if (noExternalId && c.email === user.email && c.role === 'user') return c.id
    }
    return undefined
  }
  // Leads are never adopted: Segment's identify creates users, not leads.
  for (const c of data) if (c.email === user.email && c.role === 'user') return c.id
  return undefined
}
