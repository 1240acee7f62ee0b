import { isRecord } from '../_lib/is-record.js'
import type { SegmentEvent } from '../event/types.js'
import { resolveUser } from '../normalize/user.js'

/**
 * The delivery lane of an event: the user it is about, by the library's identity
 * rule (`userId`, else the email of identify `traits`, `context.traits` or
 * `properties`; see `resolveUser`). Events of one lane are delivered one after the
 * other; `undefined` (no user) means a lane of its own. Emails compare
 * case-insensitively, as Intercom matches them. Shared by `deliverAll` and
 * `orderForDelivery`, so both agree on who is the same user.
 */
export function laneKey(event: unknown): string | undefined {
  if (!isRecord(event)) return undefined
  try {
    // parseEvent converts a numeric userId to its string; so does the lane.
    const id = event.userId
    if (typeof id === 'number' && Number.isFinite(id)) return `userId:${id}`
    // resolveUser reads only type, userId, anonymousId, traits, context.traits and
    // properties, each guarded, so an event that fails parsing elsewhere is safe here.
    const user = resolveUser(event as unknown as SegmentEvent)
    if (user.userId !== undefined) return `userId:${user.userId}`
    if (user.email !== undefined) return `email:${user.email.toLowerCase()}`
  } catch {
    // A hostile getter: the event will be invalid anyway; give it its own lane.
  }
  return undefined
}
