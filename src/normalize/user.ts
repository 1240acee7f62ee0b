import { isRecord } from '../_lib/is-record.js'
import type { SegmentEvent } from '../event/types.js'
import { CONTACT_FIELDS } from '../intercom/attribute-names.js'
import { identityText } from './identity-traits.js'
import type { UserIdentity } from './model.js'

/**
 * The traits that carry the user id, in order of precedence: `userId`, `user_id`,
 * `external_id`, `externalId` (analytics-android copies the user id into the traits;
 * Segment's mobile integrations read `traits.userId` as the user id).
 */
const USER_ID_TRAITS = CONTACT_FIELDS.external_id?.traits?.split(' ') ?? []

const nonEmpty = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined

/** `obj[key]`, when `obj` is a plain object (the event may be unparsed: see `laneKey`). */
const read = (obj: unknown, key: string): unknown => (isRecord(obj) ? obj[key] : undefined)

/**
 * Who an event is about: `userId` (for an identify without one, the first of
 * {@link USER_ID_TRAITS} that is an id), else an email from `traits` (identify only —
 * group traits describe the company), `context.traits` or `properties`.
 */
export function resolveUser(event: SegmentEvent): UserIdentity {
  const user: UserIdentity = {}
  // Group traits describe the company: only an identify's traits are the user's.
  const traits = event.type === 'identify' ? event.traits : undefined
  let userId = nonEmpty(event.userId)
  for (const key of traits ? USER_ID_TRAITS : []) userId ??= identityText(read(traits, key))
  if (userId !== undefined) user.userId = userId
  const anonymousId = nonEmpty(event.anonymousId)
  if (anonymousId !== undefined) user.anonymousId = anonymousId
  let email: string | undefined
  for (const source of [traits, event.context?.traits, 'properties' in event && event.properties])
    email ??= nonEmpty(read(source, 'email'))
  if (email !== undefined) user.email = email
  return user
}

/**
 * Whether the call names a user Intercom can address: a `userId` or an email (an
 * `anonymousId` alone is a visitor, not a user). The one test every target uses.
 */
export function hasUser(user: UserIdentity): boolean {
  return user.userId !== undefined || user.email !== undefined
}
