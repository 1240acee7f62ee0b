import { MAX_ACTIVE_EVENT_NAMES } from '../intercom/limits.js'

/**
 * Whether sending `name` would exceed Intercom's limit of active event names, given the names
 * the workspace already has. Names compare case-insensitively. Without `known`
 * nothing is assumed.
 */
export function exceedsEventNameLimit(known: Iterable<string> | undefined, name: string): boolean {
  if (known === undefined) return false
  // Fast path: an exact match in a Set costs one lookup.
  if (known instanceof Set && known.has(name)) return false
  const lower = name.toLowerCase()
  let count = 0
  for (const n of known) {
    if (n === name || (typeof n === 'string' && n.toLowerCase() === lower)) return false
    count++
  }
  return count >= MAX_ACTIVE_EVENT_NAMES
}
