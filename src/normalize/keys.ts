import { FORBIDDEN_NAME_CHARACTERS } from '../intercom/attribute-names.js'

/** The characters Intercom forbids in attribute names, as a lookup table: one pass, no regex. */
const FORBIDDEN = new Uint8Array(128)
for (const c of FORBIDDEN_NAME_CHARACTERS) FORBIDDEN[c.charCodeAt(0)] = 1

/**
 * Returns `key` with every character Intercom forbids in attribute names replaced
 * by `_`, or the same string when it is already valid.
 *
 * @example
 * ```ts
 * safeKey('plan.tier') // 'plan_tier'
 * safeKey('$revenue')  // '_revenue'
 * safeKey('plan')      // 'plan'
 * ```
 */
export function safeKey(key: string): string {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i)
    if (c < 128 && FORBIDDEN[c] === 1) return rewrite(key, i)
  }
  return key
}

function rewrite(key: string, from: number): string {
  let out = key.slice(0, from)
  for (let i = from; i < key.length; i++) {
    const c = key.charCodeAt(i)
    out += c < 128 && FORBIDDEN[c] === 1 ? '_' : key[i]
  }
  return out
}
