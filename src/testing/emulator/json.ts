/**
 * JSON helpers: the emulator only ever sees what would survive the wire.
 * @module
 */

/** A JSON object as parsed from a request body. */
export type JsonObject = Record<string, unknown>

/** True for a non-null, non-array object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The value as the server would parse it after `JSON.stringify` on the client:
 * `undefined` members vanish, `NaN` becomes `null`, dates become strings. Returns
 * `undefined` when the value cannot be serialised (a `BigInt`, a cycle).
 */
export function overTheWire(value: unknown): unknown {
  const text = wireText(value)
  return text === undefined ? undefined : (JSON.parse(text) as unknown)
}

/**
 * `JSON.stringify(value)`, or `undefined` when the value cannot be serialised (a
 * `BigInt`, a cycle, a throwing getter) or serialises to nothing (a function).
 */
export function wireText(value: unknown): string | undefined {
  try {
    return JSON.stringify(value)
  } catch {
    return undefined
  }
}

/** Freezes a JSON-like value and everything inside it; returns it for chaining. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const member of Object.values(value)) deepFreeze(member)
  }
  return value
}
