/**
 * What a field accepts, as one value that every validator reads (the event's fields,
 * the settings, the Intercom options): the words an error uses for it, and the test.
 * Each validator has one generic loop over its table of checks, and every "wrong value"
 * message comes from {@link mustBe}.
 * @module
 */
import { describe } from './_lib/describe.js'
import { isRecord } from './_lib/is-record.js'

/** What a field accepts. */
export interface Check {
  /** What a message says the value must be: `a string`, `one of 'us', 'eu', 'au'`. */
  expected: string
  accepts(value: unknown): boolean
  /** For an object: the check of each of its values. */
  each?: Check | undefined
}

export function check(expected: string, accepts: (value: unknown) => boolean, each?: Check): Check {
  return { expected, accepts, each }
}

export const STRING = check('a string', (v) => typeof v === 'string')
export const NON_EMPTY = check('a non-empty string', (v) => typeof v === 'string' && v !== '')
export const BOOLEAN = check('a boolean', (v) => typeof v === 'boolean')
export const OBJECT = check('an object', isRecord)

/** One of `values`: `"one of 'us', 'eu', 'au'"`. */
export function oneOf(values: readonly string[]): Check {
  const expected = `one of ${values.map((v) => `'${v}'`).join(', ')}`
  return check(expected, (v) => values.includes(v as string))
}

/**
 * The one sentence about a value `check` refuses: `<name> must be <expected>, got <got>`,
 * where `got` is the value's kind (never its content, which may be a secret) unless given.
 */
export function mustBe(
  name: string,
  { expected }: Pick<Check, 'expected'>,
  value: unknown,
  got = describe(value),
): string {
  return `${name} must be ${expected}, got ${got}`
}
