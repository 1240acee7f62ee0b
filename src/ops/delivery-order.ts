import { isRecord } from '../_lib/is-record.js'

function userKey(event: unknown): string | undefined {
  if (!isRecord(event)) return undefined
  const id = event.userId
  if (typeof id === 'string' && id !== '') return `id:${id}`
  if (typeof id === 'number') return `id:${id}`
  const traits = isRecord(event.traits) ? event.traits : undefined
  const email =
    traits?.email ??
    (isRecord(event.context) && isRecord(event.context.traits)
      ? event.context.traits.email
      : undefined)
  return typeof email === 'string' && email !== '' ? `email:${email}` : undefined
}

/**
 * Reorders a batch so each user's first `identify` comes before their other calls,
 * which otherwise race it: Intercom answers 404 to an event for a user it does not
 * have yet (the Segment doc's "server-side race condition"). Everything else keeps
 * its order; the input is not modified. Returns a new array of the same events.
 *
 * @example
 * ```ts
 * orderForDelivery([track('u1'), identify('u1')]) // [identify('u1'), track('u1')]
 * ```
 */
export function orderForDelivery<E>(events: readonly E[]): E[] {
  const firstIdentify = new Map<string, number>()
  events.forEach((e, i) => {
    const key = userKey(e)
    if (key !== undefined && isRecord(e) && e.type === 'identify' && !firstIdentify.has(key)) {
      firstIdentify.set(key, i)
    }
  })
  if (firstIdentify.size === 0) return events.slice()
  const out: E[] = []
  const moved = new Set<number>()
  events.forEach((e, i) => {
    if (moved.has(i)) return
    const key = userKey(e)
    const at = key === undefined ? undefined : firstIdentify.get(key)
    if (at !== undefined && at > i && !moved.has(at)) {
      out.push(events[at] as E)
      moved.add(at)
    }
    out.push(e)
  })
  return out
}
