import { isRecord } from '../_lib/is-record.js'
import { laneKey } from '../delivery/lane-key.js'

/**
 * Reorders a batch so each user's first `identify` comes before their other calls,
 * which otherwise race it: Intercom answers 404 to an event for a user it does not
 * have yet (the Segment doc's "server-side race condition"). Everything else keeps
 * its order; the input is not modified. Returns a new array of the same events.
 *
 * "The same user" is `deliverAll`'s delivery lane (`userId`, else email, by the
 * library's identity rule): both use one lane function. `deliverAll` needs no
 * reordering — an event whose contact is not found waits for the same user's
 * identify there — so use this with your own delivery loop.
 *
 * @example
 * ```ts
 * orderForDelivery([track('u1'), identify('u1')]) // [identify('u1'), track('u1')]
 * ```
 */
export function orderForDelivery<E>(events: readonly E[]): E[] {
  const keys = events.map(laneKey)
  const firstIdentify = new Map<string, number>()
  events.forEach((e, i) => {
    const key = keys[i]
    if (key !== undefined && isRecord(e) && e.type === 'identify' && !firstIdentify.has(key)) {
      firstIdentify.set(key, i)
    }
  })
  if (firstIdentify.size === 0) return events.slice()
  const out: E[] = []
  const moved = new Set<number>()
  events.forEach((e, i) => {
    if (moved.has(i)) return
    const key = keys[i]
    const at = key === undefined ? undefined : firstIdentify.get(key)
    if (at !== undefined && at > i && !moved.has(at)) {
      out.push(events[at] as E)
      moved.add(at)
    }
    out.push(e)
  })
  return out
}
