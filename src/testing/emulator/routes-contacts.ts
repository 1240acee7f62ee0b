/**
 * Contacts (2.x): create, update, fetch, find by external id and search.
 * @module
 */
import {
  attributePolicy,
  json,
  param,
  type RouteContext,
  type RouteHandler,
  requireBody,
} from './context.js'
import {
  commitCustomAttributes,
  type PreparedAttributes,
  prepareCustomAttributes,
} from './custom-attributes.js'
import { invalid, missing, userNotFound } from './errors.js'
import { booleanField, idField, integerField, rejectUnknownFields, stringField } from './fields.js'
import type { JsonObject } from './json.js'
import { contactResponse, listResponse } from './render.js'
import { compileQuery, cursorFor, readPaging } from './search.js'
import {
  addContact,
  type ContactRecord,
  conflict,
  contactByExternalId,
  newContact,
  requireContact,
  setContactKeys,
  userByEmail,
} from './workspace.js'

/** The fields `POST /contacts` and `PUT /contacts/{id}` accept in 2.x. */
export const WRITABLE_CONTACT_FIELDS: ReadonlySet<string> = new Set([
  'role',
  'external_id',
  'email',
  'phone',
  'name',
  'avatar',
  'signed_up_at',
  'last_seen_at',
  'owner_id',
  'unsubscribed_from_emails',
  'custom_attributes',
])

/** Validated changes of one contact write; absent members are left unchanged. */
interface ContactChanges {
  role?: 'user' | 'lead'
  external_id?: string
  email?: string
  phone?: string | null
  name?: string | null
  avatar?: string | null
  signed_up_at?: number | null
  last_seen_at?: number | null
  owner_id?: string | number | null
  unsubscribed_from_emails?: boolean
  custom?: PreparedAttributes
}

function readChanges(context: RouteContext, body: JsonObject): ContactChanges {
  rejectUnknownFields(body, WRITABLE_CONTACT_FIELDS)
  const changes: ContactChanges = {}
  const role = body.role
  if (role !== undefined) {
    if (role !== 'user' && role !== 'lead') throw invalid("role must be 'user' or 'lead'", 'role')
    changes.role = role
  }
  const externalId = idField(body, 'external_id')
  if (externalId !== undefined) changes.external_id = externalId
  const email = stringField(body, 'email', 'nullable')
  if (email !== undefined) changes.email = email ?? ''
  const phone = stringField(body, 'phone', 'nullable')
  if (phone !== undefined) changes.phone = phone
  const name = stringField(body, 'name', 'nullable')
  if (name !== undefined) changes.name = name
  const avatar = stringField(body, 'avatar', 'nullable')
  if (avatar !== undefined) changes.avatar = avatar
  const signedUpAt = integerField(body, 'signed_up_at', 'nullable')
  if (signedUpAt !== undefined) changes.signed_up_at = signedUpAt
  const lastSeenAt = integerField(body, 'last_seen_at', 'nullable')
  if (lastSeenAt !== undefined) changes.last_seen_at = lastSeenAt
  const ownerId = body.owner_id
  if (ownerId !== undefined) {
    if (ownerId !== null && typeof ownerId !== 'string' && !Number.isSafeInteger(ownerId)) {
      throw invalid('owner_id must be an admin id', 'owner_id')
    }
    changes.owner_id = ownerId as string | number | null
  }
  const unsubscribed = booleanField(body, 'unsubscribed_from_emails', 'nullable')
  if (unsubscribed !== undefined && unsubscribed !== null) {
    changes.unsubscribed_from_emails = unsubscribed
  }
  const custom = prepareCustomAttributes(
    context.store,
    body.custom_attributes,
    'contact',
    attributePolicy(context),
  )
  if (custom !== undefined) changes.custom = custom
  return changes
}

/** Applies validated changes to a stored contact. */
function apply(context: RouteContext, record: ContactRecord, changes: ContactChanges): void {
  const { custom, external_id: externalId, email, ...fields } = changes
  Object.assign(record, fields)
  setContactKeys(context.store, record, { external_id: externalId, email })
  if (custom !== undefined) {
    Object.assign(
      record.custom_attributes,
      commitCustomAttributes(context.store, custom, context.nowSeconds),
    )
  }
  record.updated_at = context.nowSeconds
}

/** `POST /contacts`: creates a user or lead; `409 conflict` when it already exists. */
export const createContact: RouteHandler = (context) => {
  const changes = readChanges(context, requireBody(context))
  const role = changes.role ?? 'user'
  const email = changes.email ?? ''
  if (changes.external_id === undefined && email === '' && role !== 'lead') {
    throw missing("A contact needs an email or external_id, or role 'lead'")
  }
  const existing =
    changes.external_id !== undefined
      ? contactByExternalId(context.store, changes.external_id)
      : role === 'user' && email !== ''
        ? userByEmail(context.store, email)
        : undefined
  if (existing !== undefined) throw conflict(existing.id)
  const record = newContact(context.store, role, context.seq, context.nowSeconds)
  addContact(context.store, record)
  apply(context, record, changes)
  return json(200, contactResponse(context.store, record))
}

/** `PUT /contacts/{id}`: updates a contact; `409` when `external_id` belongs to another. */
export const updateContact: RouteHandler = (context) => {
  const record = requireContact(context, param(context, 0))
  const changes = readChanges(context, requireBody(context))
  if (changes.external_id !== undefined) {
    const owner = contactByExternalId(context.store, changes.external_id)
    if (owner !== undefined && owner.id !== record.id) throw conflict(owner.id)
  }
  apply(context, record, changes)
  return json(200, contactResponse(context.store, record))
}

/** `GET /contacts/{id}`. */
export const getContact: RouteHandler = (context) =>
  json(200, contactResponse(context.store, requireContact(context, param(context, 0))))

/** `GET /contacts/find_by_external_id/{external_id}` (2.13+): users only, as Intercom. */
export const findContactByExternalId: RouteHandler = (context) => {
  const record = contactByExternalId(context.store, param(context, 0))
  if (record === undefined || record.role !== 'user') throw userNotFound()
  return json(200, contactResponse(context.store, record))
}

/** Distinct contacts in the order they were created (fixed-width ids sort that way). */
function inCreationOrder(contacts: readonly ContactRecord[]): ContactRecord[] {
  return [...new Set(contacts)].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** `POST /contacts/search`: contacts created within the last `searchLag` requests are hidden. */
export const searchContacts: RouteHandler = (context) => {
  const body = requireBody(context)
  if (body.query === undefined) throw missing('query is required', 'query')
  const { test, lookup } = compileQuery(context.store, body.query)
  const paging = readPaging(body)
  const lag = context.options.searchLag
  // Candidates from an index come back in creation order, as a scan finds them, so
  // the (stable) sort below orders ties the same either way.
  const pool = lookup === undefined ? context.store.contacts : inCreationOrder(lookup())
  const found = pool.filter((c) => context.seq - c.createdSeq > lag && test(c)).sort(paging.compare)
  const totalPages = Math.ceil(found.length / paging.perPage)
  const start = paging.page * paging.perPage
  const pages: Record<string, unknown> = {
    page: paging.page + 1,
    per_page: paging.perPage,
    total_pages: totalPages,
  }
  if (paging.page + 1 < totalPages) {
    pages.next = { page: paging.page + 2, starting_after: cursorFor(paging.page + 1) }
  }
  const data = found
    .slice(start, start + paging.perPage)
    .map((c) => contactResponse(context.store, c))
  return json(200, listResponse(data, found.length, pages))
}
