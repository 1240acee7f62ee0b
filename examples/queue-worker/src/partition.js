/**
 * Which partition an event belongs to. All of a user's events go to one partition,
 * and a partition runs one job at a time across all workers, so a user's events
 * are delivered in enqueue order.
 * @module
 */

/**
 * The user an event is about, by the library's identity rule: `userId`, else the
 * email (identify `traits`, `context.traits`, track `properties`), case-insensitive
 * as Intercom matches emails. Events with neither are not sent by the REST mapping;
 * they get a key of their own so they do not hold up anybody.
 * @param {unknown} event
 * @returns {string}
 */
export function userKey(event) {
  if (typeof event !== 'object' || event === null) return 'none'
  const e = /** @type {Record<string, any>} */ (event)
  if (typeof e.userId === 'string' && e.userId.trim() !== '') return `user:${e.userId}`
  if (typeof e.userId === 'number' && Number.isFinite(e.userId)) return `user:${e.userId}`
  for (const source of [e.traits, e.context?.traits, e.properties]) {
    const email = source?.email
    if (typeof email === 'string' && email.trim() !== '')
      return `email:${email.trim().toLowerCase()}`
  }
  const other = e.anonymousId ?? e.messageId
  return typeof other === 'string' ? `anonymous:${other}` : 'none'
}

/**
 * FNV-1a (32-bit) of the key, modulo the partition count: stable across processes,
 * machines and Node versions, and spreads user ids evenly.
 * @param {string} key @param {number} partitions
 */
export function partitionOf(key, partitions) {
  let hash = 0x811c9dc5
  for (const byte of new TextEncoder().encode(key)) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash % partitions
}
