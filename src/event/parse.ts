import { isRecord } from '../_lib/is-record.js'
import { type Check, check, mustBe, OBJECT, oneOf, STRING } from '../checks.js'
import type { InputError, Invalid, Warning } from '../types.js'
import { inputError, warn } from '../warnings.js'
import type { SegmentEvent, SegmentEventType } from './types.js'

/** A Segment event that passed {@link parseEvent}. */
export interface Parsed {
  status: 'parsed'
  event: SegmentEvent
  warnings: Warning[]
}

/** A field: what it accepts, and whether its call type requires it (then not empty). */
interface Field extends Check {
  required?: true
}

/** An id also takes a finite number, converted to text with a warning. */
const ID = check('a string', (v) => typeof v === 'string' || Number.isFinite(v))
const REQUIRED_ID: Field = { ...ID, required: true }
const DATE = check(
  'a date',
  (v) => typeof v === 'string' || typeof v === 'number' || v instanceof Date,
)
const VIEW = { name: STRING, category: STRING }

/**
 * Every event type, with the fields it checks besides the common ones (in the order
 * errors are reported).
 */
const OWN_FIELDS: Record<SegmentEventType, Record<string, Field>> = {
  identify: {},
  track: { event: { ...STRING, required: true } },
  page: VIEW,
  screen: VIEW,
  group: { groupId: REQUIRED_ID },
  alias: { previousId: REQUIRED_ID },
  reset: {},
}
const TYPES = Object.keys(OWN_FIELDS) as SegmentEventType[]
const TYPE = oneOf(TYPES)

/** The common fields around a type's own ones, in the order errors are reported. */
const fieldsOf = (own: Record<string, Field>): Record<string, Field> => ({
  userId: ID,
  anonymousId: ID,
  ...own,
  context: OBJECT,
  integrations: OBJECT,
  traits: OBJECT,
  properties: OBJECT,
  timestamp: DATE,
})
/** Each type's fields, built once (an unknown type has the common ones). */
const FIELDS = new Map(TYPES.map((type) => [type, fieldsOf(OWN_FIELDS[type])]))
const COMMON = fieldsOf({})

/**
 * Checks that `input` (e.g. straight from `JSON.parse`) is a Segment event and types it.
 * Never throws and never mutates `input`: when an id must be converted (a numeric
 * `userId` → string, with a warning) the result is a shallow copy.
 *
 * @example
 * ```ts
 * parseEvent({ type: 'track', event: 'Signed Up', userId: 42 })
 * // { status: 'parsed', event: { type: 'track', event: 'Signed Up', userId: '42' },
 * //   warnings: [{ code: 'converted', path: 'userId', … }] }
 * parseEvent({ type: 'launch' })
 * // { status: 'invalid', errors: [{ code: 'unknown_type', path: 'type', … }], warnings: [] }
 * ```
 */
export function parseEvent(input: unknown): Parsed | Invalid {
  try {
    const { event, errors, warnings } = readEvent(input)
    return event === undefined || errors.length > 0
      ? { status: 'invalid', errors, warnings }
      : { status: 'parsed', event, warnings }
  } catch (error) {
    return unreadable(error)
  }
}

/**
 * The result for input that throws while being read (a hostile getter or Proxy): the
 * only way a never-throwing entry point gets to a `catch`.
 */
export function unreadable(error: unknown): Invalid {
  const why = error instanceof Error ? error.message : 'unknown error'
  const message = `The event could not be read: ${why}`
  return { status: 'invalid', errors: [inputError('unreadable', '', message)], warnings: [] }
}

/** What {@link readEvent} found: every error, and the event without its invalid fields. */
export interface EventReading {
  /** The event, typed, with every invalid field left out; absent when its type is unknown. */
  event?: SegmentEvent
  errors: InputError[]
  warnings: Warning[]
}

/**
 * Every check of {@link parseEvent}, each independent of the others, so an event with
 * several faults gets an error for each. The event comes back with the faulty fields
 * left out (an event name as `''`, since a track reads it as text), for checks that
 * need the rest of it.
 */
export function readEvent(input: unknown): EventReading {
  const warnings: Warning[] = []
  const errors: InputError[] = []
  if (!isRecord(input)) {
    const message = mustBe('A Segment event', OBJECT, input)
    return { errors: [inputError('not_an_object', '', message)], warnings }
  }
  const type = input.type
  const own = FIELDS.get(type as SegmentEventType)
  const known = own && (type as SegmentEventType)
  if (known === undefined) {
    const text = typeof type === 'string'
    // An unknown type's text is quoted: a misspelt one is seen at once.
    const message = mustBe('"type"', TYPE, type, text ? JSON.stringify(type) : undefined)
    errors.push(
      type === undefined || type === null
        ? inputError('missing_field', 'type', 'The event has no "type"')
        : text
          ? inputError('unknown_type', 'type', message)
          : inputError('wrong_type', 'type', message),
    )
  }

  /** The typed copy, made at the first field that must be replaced. */
  let copy: Record<string, unknown> | undefined
  const fields = own ?? COMMON
  for (const key in fields) {
    const field = fields[key] as Field
    const v = input[key]
    if (v === undefined || v === null) {
      if (!field.required) continue
      errors.push(inputError('missing_field', key, `A ${type} call needs "${key}"`))
    } else if (!field.accepts(v)) {
      errors.push(inputError('wrong_type', key, mustBe(`"${key}"`, field, v)))
    } else {
      if (typeof v === 'number' && field.accepts === ID.accepts) {
        // An id (required or not) given as a number.
        copy ??= { ...input }
        copy[key] = String(v)
        warn(warnings, 'converted', key, `${v} is sent as the string "${v}"`)
      } else if (field.required && (key === 'event' ? (v as string).trim() : v) === '') {
        errors.push(inputError('empty', key, `"${key}" must not be empty`))
      }
      continue
    }
    // A faulty field is left out of the copy (an event name is '': a track reads it as text).
    copy ??= { ...input }
    copy[key] = key === 'event' ? '' : undefined
  }
  if (known === undefined) return { errors, warnings }
  return { event: (copy ?? input) as unknown as SegmentEvent, errors, warnings }
}
