/**
 * `POST /events` (2.x and 1.x alike): validation, the event-name limit, flat metadata.
 * @module
 */
import { type RouteContext, type RouteHandler, requireBody } from './context.js'
import { invalid, missing, userNotFound } from './errors.js'
import { idField, integerField, rejectUnknownFields, stringField } from './fields.js'
import { isObject, type JsonObject } from './json.js'
import type { EventMetadataValue } from './types.js'
import {
  addEvent,
  type ContactRecord,
  contactByExternalId,
  contactById,
  hasEvent,
  userByEmail,
} from './workspace.js'

/** Metadata keys Intercom tracks per event; later keys are ignored, as documented. */
export const MAX_METADATA_KEYS = 10

const EVENT_FIELDS = new Set(['event_name', 'created_at', 'user_id', 'id', 'email', 'metadata'])

/** The contact an event names by `id`, `user_id` (external id) or `email`, in that order. */
function findContact(context: RouteContext, body: JsonObject): ContactRecord | undefined {
  const id = idField(body, 'id')
  const userId = idField(body, 'user_id')
  const email = stringField(body, 'email')
  if (id === undefined && userId === undefined && email === undefined) {
    throw missing('An event needs user_id, id or email', 'user_id')
  }
  if (id !== undefined) return contactById(context.store, id)
  if (userId !== undefined) return contactByExternalId(context.store, userId)
  return userByEmail(context.store, email ?? '')
}

function isOnly(value: JsonObject, keys: readonly string[]): boolean {
  const own = Object.keys(value)
  return own.length === keys.length && keys.every((k) => own.includes(k))
}

/** One metadata value: a scalar, a rich link `{ url, value }` or a price `{ amount, currency }`. */
function metadataValue(key: string, value: unknown): EventMetadataValue {
  const field = `metadata.${key}`
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
    return value as EventMetadataValue
  }
  if (isObject(value)) {
    if (isOnly(value, ['url', 'value'])) {
      if (typeof value.url !== 'string' || typeof value.value !== 'string') {
        throw invalid(`Rich link '${key}' needs string url and value`, field)
      }
      return { url: value.url, value: value.value }
    }
    if (isOnly(value, ['amount', 'currency'])) {
      if (!Number.isSafeInteger(value.amount) || typeof value.currency !== 'string') {
        throw invalid(`Price '${key}' needs an integer amount (cents) and a currency`, field)
      }
      return { amount: value.amount as number, currency: value.currency }
    }
  }
  throw invalid(`Event metadata is flat: '${key}' cannot hold nested objects or arrays`, field)
}

function readMetadata(raw: unknown): Record<string, EventMetadataValue> {
  if (raw === undefined || raw === null) return {}
  if (!isObject(raw)) throw invalid('metadata must be an object', 'metadata')
  const metadata: Record<string, EventMetadataValue> = {}
  for (const [key, value] of Object.entries(raw)) {
    const checked = metadataValue(key, value)
    if (Object.keys(metadata).length < MAX_METADATA_KEYS) metadata[key] = checked
  }
  return metadata
}

/**
 * `POST /events`: `202` with no body. `404 not_found` when the contact does not exist;
 * `400 parameter_invalid` "Cannot have more than N active event names" for a new name
 * once the workspace has `maxEventNames` (names compare case-insensitively). A repeat of
 * the same contact, name and `created_at` is accepted and ignored, as Intercom does.
 */
export const createEvent: RouteHandler = (context) => {
  const body = requireBody(context)
  rejectUnknownFields(body, EVENT_FIELDS)
  const eventName = stringField(body, 'event_name')
  if (eventName === undefined || eventName.trim() === '') {
    throw missing('event_name is required', 'event_name')
  }
  const createdAt = integerField(body, 'created_at')
  if (createdAt === undefined) throw missing('created_at is required', 'created_at')
  const metadata = readMetadata(body.metadata)
  const contact = findContact(context, body)
  if (contact === undefined) throw userNotFound()
  const { store, options } = context
  const key = eventName.toLowerCase()
  if (!store.eventNames.has(key)) {
    if (store.eventNames.size >= options.maxEventNames) {
      throw invalid(
        `Cannot have more than ${options.maxEventNames} active event names`,
        'event_name',
      )
    }
    store.eventNames.set(key, eventName)
  }
  if (!hasEvent(store, contact.id, eventName, createdAt)) {
    addEvent(store, {
      event_name: eventName,
      created_at: createdAt,
      contactId: contact.id,
      metadata,
    })
  }
  return { status: 202 }
}
