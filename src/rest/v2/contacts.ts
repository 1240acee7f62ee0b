/**
 * Contact steps over 2.x, which has no user upsert: the contact body, the search
 * that finds a user's contact, and the create-or-update that writes it.
 * @module
 */
import { hasKeys, isRecord } from '../../_lib/is-record.js'
import type { NormalizedIdentify, UserIdentity } from '../../normalize/model.js'
import type { Warning } from '../../types.js'
import { warn } from '../../warnings.js'
import { errorList, errorText } from '../classify.js'
import { encodePathSegment, endpoint } from '../endpoint.js'
import {
  type Conversation,
  call,
  listOf,
  notFound,
  optionalId,
  type Step,
  Stop,
  writtenId,
} from '../kernel.js'
import { type AttributePaths, write } from './data-attributes.js'

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

/**
 * `POST /contacts/search` for the user; Intercom's id of their contact, or
 * `undefined` when there is none (yet: search lags creation by minutes).
 */
export function* findContact(c: Conversation, user: UserIdentity): Step<string | undefined> {
  const request = endpoint(c.settings, 'POST', '/contacts/search', searchBody(user))
  const response = yield* call(c, request)
  if (response instanceof Stop) return response
  const list = listOf(request, response)
  if (list instanceof Stop) return list
  return learned(c, user, pickContact(list, user))
}

/** The user's contact id: remembered (no request), else searched. */
export function* contactIdOf(c: Conversation, user: UserIdentity): Step<string | undefined> {
  return c.memory.contactId(user) ?? (yield* findContact(c, user))
}

/**
 * Writes the user's contact and returns its id: remembered or found by search →
 * updated; not found → created. A 409 on create means a contact matches (search
 * has not caught up, or another user's contact has this email): the contact it
 * names is updated only if it is this user's ({@link claimConflict}).
 */
export function* upsertContact(
  c: Conversation,
  user: UserIdentity,
  body: Record<string, unknown>,
  paths?: AttributePaths,
  needId = true,
): Step<string | undefined> {
  const found = yield* contactIdOf(c, user)
  if (found instanceof Stop) return found
  if (found !== undefined) return yield* updateContact(c, user, found, body, paths)

  const create = endpoint(c.settings, 'POST', '/contacts', { role: 'user', ...body })
  const created = yield* write(c, create, 'contact', [409], paths)
  if (created instanceof Stop) return created
  if (created.status === 409) {
    const existing = conflictId(errorList(created.body))
    if (existing !== undefined) return yield* claimConflict(c, user, existing, body, paths)
    return new Stop({
      status: 'retry',
      code: 'conflict',
      message: `POST /contacts answered 409 without the existing contact's id (${errorText(created.body)}); search has not caught up yet: retry later`,
    })
  }
  return learned(c, user, writtenId(c, create, created, needId, userPath(user)))
}

/** Where the user's identity came from, for warnings about their contact. */
function userPath(user: UserIdentity): string {
  return user.userId === undefined ? 'traits.email' : 'userId'
}

/**
 * The contact a 409 named, updated only if it is not another user's: with a userId,
 * `GET /contacts/{id}` first, and its `external_id` must be absent or this userId —
 * else `failed` `conflict`, naming both (no exchange takes over another user's
 * contact). Without a userId the email is the identity, as in the search.
 */
function* claimConflict(
  c: Conversation,
  user: UserIdentity,
  id: string,
  body: Record<string, unknown>,
  paths: AttributePaths,
): Step<string> {
  c.memory.saw(id) // named by Intercom's answer: a 404 on it is not a stale memory
  if (user.userId === undefined) return yield* updateContact(c, user, id, body, paths)
  const get = endpoint(c.settings, 'GET', `/contacts/${encodePathSegment(id)}`)
  const got = yield* call(c, get, [404])
  if (got instanceof Stop) return got
  if (got.status === 404) {
    return new Stop({
      status: 'retry',
      code: 'conflict',
      message: `POST /contacts answered 409 naming contact ${id}, which GET /contacts/${id} does not find (yet): retry later`,
    })
  }
  const owner = isRecord(got.body) ? got.body.external_id : undefined
  if (owner === undefined || owner === null || owner === '' || owner === user.userId) {
    return yield* updateContact(c, user, id, body, paths)
  }
  const shown = typeof owner === 'string' ? JSON.stringify(owner) : String(owner)
  if (typeof owner === 'string') c.memory.learnContact({ userId: owner }, id)
  return new Stop({
    status: 'failed',
    code: 'conflict',
    message: `User ${JSON.stringify(user.userId)} matches Intercom contact ${id}, which belongs to another user (external_id ${shown}): not updated. Give the users distinct emails, or merge them in Intercom`,
    errors: [{ userId: user.userId, contactId: id, externalId: owner }],
  })
}

/**
 * `PUT /contacts/{id}` with `body`; returns the contact's id. A 404 on a
 * remembered id forgets it and starts the exchange over ({@link notFound}).
 */
export function* updateContact(
  c: Conversation,
  user: UserIdentity,
  id: string,
  body: Record<string, unknown>,
  paths?: AttributePaths,
): Step<string> {
  const update = endpoint(c.settings, 'PUT', `/contacts/${encodePathSegment(id)}`, body)
  const updated = yield* write(c, update, 'contact', [404], paths)
  if (updated instanceof Stop) return updated
  if (updated.status === 404) return notFound(c, update, updated, [id])
  // The id is the one just written to: an answer without it costs a warning only.
  return learned(c, user, optionalId(c, update, updated, userPath(user)) ?? id)
}

/** `PUT /contacts/{id}` with only `last_seen_at`: the call counts as the user's activity. */
export function* touchContact(
  c: Conversation,
  user: UserIdentity,
  id: string,
  lastSeenAt: number,
): Step<true> {
  const touched = yield* updateContact(c, user, id, { last_seen_at: lastSeenAt })
  return touched instanceof Stop ? touched : true
}

/** `id`, remembered as the user's contact when it is one (every step that finds one learns it). */
function learned<T extends string | Stop | undefined>(
  c: Conversation,
  user: UserIdentity,
  id: T,
): T {
  if (typeof id === 'string') c.memory.learnContact(user, id)
  return id
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
