/**
 * Deterministic identifiers: counters rendered in Intercom's formats, never random.
 * @module
 */

/** Leading hex digits per kind, so a contact id never equals a company id. */
const PREFIX = { contact: '6a00c0', company: '6a00c1' } as const

/** The kinds of object that get a 24-hex-digit Intercom id. */
export type IdKind = keyof typeof PREFIX

/**
 * The `n`th id of a kind, 24 hex digits like Intercom's object ids.
 *
 * @example
 * ```ts
 * objectId('contact', 1) // '6a00c0000000000000000001'
 * ```
 */
export function objectId(kind: IdKind, n: number): string {
  return PREFIX[kind] + n.toString(16).padStart(18, '0')
}

/**
 * The request id of the `n`th handled request, UUID-shaped like Intercom's.
 *
 * @example
 * ```ts
 * requestId(26) // '00000000-0000-4000-8000-00000000001a'
 * ```
 */
export function requestId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`
}
