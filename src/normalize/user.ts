import { isRecord } from '../_lib/is-record.js'
import type { SegmentEvent } from '../event/types.js'
import { identityText } from './identity-traits.js'
import type { UserIdentity } from './model.js'

function nonEmpty(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined
}

function emailIn(obj: unknown): string | undefined {
  return isRecord(obj) ? nonEmpty(obj.email) : undefined
}

/**
 * The user id an identify's traits carry, for an event without `userId`:
 * `traits.userId`, `user_id` or `external_id` (analytics-android copies the user id
 * into the traits; Segment's mobile integrations read `traits.userId` as the user id).
 */
function traitUserId(traits: unknown): string | undefined {
  if (!isRecord(traits)) return undefined
  for (const key of ['userId', 'user_id', 'external_id', 'externalId']) {
    const id = identityText(traits[key])
    if (id !== undefined) return id
  }
  return undefined
}

/**
 * Who an event is about: `userId` (for an identify without one, `traits.userId`,
 * `user_id` or `external_id`), else an email from `traits` (identify only —
 * group traits describe the company), `context.traits` or `properties`.
 */
export function resolveUser(event: SegmentEvent): UserIdentity {
  const user: UserIdentity = {}
  const userId =
    nonEmpty(event.userId) ?? (event.type === 'identify' ? traitUserId(event.traits) : undefined)
  if (userId !== undefined) user.userId = userId
  const anonymousId = nonEmpty(event.anonymousId)
  if (anonymousId !== undefined) user.anonymousId = anonymousId
  const email =
    (event.type === 'identify' ? emailIn(event.traits) : undefined) ??
    emailIn(event.context?.traits) ??
    ('properties' in event ? emailIn(event.properties) : undefined)
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
