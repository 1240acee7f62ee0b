import { FORBIDDEN_NAME_CHARACTERS } from '../intercom/attribute-names.js'

/** Any character Intercom forbids in attribute names (`\ ] ^ -` escaped for the class), global. */
const FORBIDDEN_ALL = new RegExp(`[${FORBIDDEN_NAME_CHARACTERS.replace(/[\\\]^-]/g, '\\$&')}]`, 'g')
/** The same characters (all ASCII) by code unit: the test every key takes, without a regex. */
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
  // Most keys are valid: a charCode scan settles them; only the others take the regex.
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i)
    if (c < 128 && FORBIDDEN[c] === 1) return key.replace(FORBIDDEN_ALL, '_')
  }
  return key
}
