import { describe } from '../_lib/describe.js'
import { isRecord } from '../_lib/is-record.js'
import type { InputError, Invalid, Warning } from '../types.js'
import { inputError, warn } from '../warnings.js'
import type { SegmentEvent, SegmentEventType } from './types.js'

/** A Segment event that passed {@link parseEvent}. */
export interface Parsed {
  status: 'parsed'
  event: SegmentEvent
  warnings: Warning[]
}

const TYPES: ReadonlySet<string> = new Set<SegmentEventType>([
  'identify',
  'track',
  'page',
  'screen',
  'group',
  'alias',
  'reset',
])

/** Id fields: converted from numbers; `groupId` / `previousId` required for their calls. */
const IDS = ['userId', 'anonymousId'] as const
const GROUP_IDS = ['userId', 'anonymousId', 'groupId'] as const
const ALIAS_IDS = ['userId', 'anonymousId', 'previousId'] as const

/** Optional object-valued fields: present but not an object would lose data silently. */
const OBJECT_FIELDS = ['context', 'integrations', 'traits', 'properties'] as const

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
    return parseUnsafe(input)
  } catch (error) {
    // Only hostile input gets here (a getter or Proxy that throws while being read).
    const message = `The event could not be read: ${error instanceof Error ? error.message : 'unknown error'}`
    return invalid([inputError('unreadable', '', message)], [])
  }
}

function parseUnsafe(input: unknown): Parsed | Invalid {
  const r = readEvent(input)
  if (r.errors.length > 0 || r.event === undefined) return invalid(r.errors, r.warnings)
  return { status: 'parsed', event: r.event, warnings: r.warnings }
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
 * left out (when its type is known), for checks that need the rest of it.
 */
export function readEvent(input: unknown): EventReading {
  const warnings: Warning[] = []
  const errors: InputError[] = []
  if (!isRecord(input)) {
    const message = `A Segment event must be an object, got ${describe(input)}`
    return { errors: [inputError('not_an_object', '', message)], warnings }
  }
  const type = input.type
  let known: SegmentEventType | undefined
  if (type === undefined || type === null) {
    errors.push(inputError('missing_field', 'type', 'The event has no "type"'))
  } else if (typeof type !== 'string') {
    errors.push(inputError('wrong_type', 'type', `"type" must be a string, got ${describe(type)}`))
  } else if (!TYPES.has(type)) {
    errors.push(
      inputError(
        'unknown_type',
        'type',
        `Unknown event type "${type}"; expected identify, track, page, screen, group, alias or reset`,
      ),
    )
  } else known = type as SegmentEventType

  /** Replacements in the typed copy: a converted id, or `undefined` for a faulty field. */
  const fixes: Record<string, string | undefined> = {}
  let fixed = false
  const fix = (key: string, value: string | undefined) => {
    fixes[key] = value
    fixed = true
  }
  for (const key of known === 'group' ? GROUP_IDS : known === 'alias' ? ALIAS_IDS : IDS) {
    const v = input[key]
    const required = key === 'groupId' || key === 'previousId'
    if (v === undefined || v === null) {
      if (required) errors.push(inputError('missing_field', key, `A ${type} call needs "${key}"`))
    } else if (typeof v === 'string') {
      if (required && v === '') errors.push(inputError('empty', key, `"${key}" must not be empty`))
    } else if (typeof v === 'number' && Number.isFinite(v)) {
      fix(key, String(v))
      warn(warnings, 'converted', key, `"${key}" ${v} is a number; sent as the string "${v}"`)
    } else {
      errors.push(inputError('wrong_type', key, `"${key}" must be a string, got ${describe(v)}`))
      fix(key, undefined)
    }
  }
  if (known === 'track') {
    const name = input.event
    if (name === undefined || name === null) {
      errors.push(inputError('missing_field', 'event', 'A track call needs an "event" name'))
      fix('event', '')
    } else if (typeof name !== 'string') {
      errors.push(
        inputError('wrong_type', 'event', `"event" must be a string, got ${describe(name)}`),
      )
      fix('event', '')
    } else if (name.trim() === '') {
      errors.push(inputError('empty', 'event', 'The "event" name must not be empty'))
    }
  }
  if (known === 'page' || known === 'screen') {
    for (const key of ['name', 'category'] as const) {
      const v = input[key]
      if (v !== undefined && v !== null && typeof v !== 'string') {
        errors.push(inputError('wrong_type', key, `"${key}" must be a string, got ${describe(v)}`))
        fix(key, undefined)
      }
    }
  }
  for (const key of OBJECT_FIELDS) {
    const v = input[key]
    if (v !== undefined && v !== null && !isRecord(v)) {
      errors.push(inputError('wrong_type', key, `"${key}" must be an object, got ${describe(v)}`))
      fix(key, undefined)
    }
  }
  const ts = input.timestamp
  if (
    ts !== undefined &&
    ts !== null &&
    typeof ts !== 'string' &&
    typeof ts !== 'number' &&
    !(ts instanceof Date)
  ) {
    errors.push(
      inputError('wrong_type', 'timestamp', `"timestamp" must be a date, got ${describe(ts)}`),
    )
    fix('timestamp', undefined)
  }
  if (known === undefined) return { errors, warnings }
  const event = (fixed ? { ...input, ...fixes } : input) as unknown as SegmentEvent
  return { event, errors, warnings }
}

function invalid(errors: InputError[], warnings: Warning[]): Invalid {
  return { status: 'invalid', errors, warnings }
}
