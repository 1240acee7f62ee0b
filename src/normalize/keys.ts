import { FORBIDDEN_NAME_CHARACTERS } from '../intercom/attribute-names.js'

/** Any character Intercom forbids in attribute names (`\ ] ^ -` escaped for the class). */
const FORBIDDEN = new RegExp(`[${FORBIDDEN_NAME_CHARACTERS.replace(/[\\\]^-]/g, '\\$&')}]`)
/** The same class, global, for the rewrite. */
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'g')

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
  // The test first: most keys are valid, and a test is cheaper than a replace.
  return FORBIDDEN.test(key) ? key.replace(FORBIDDEN_ALL, '_') : key
}
