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
  const warnings: Warning[] = []
  if (!isRecord(input)) {
    return invalid(
      [
        inputError(
          'not_an_object',
          '',
          `A Segment event must be an object, got ${describe(input)}`,
        ),
      ],
      warnings,
    )
  }
  const type = input.type
  if (type === undefined || type === null) {
    return invalid([inputError('missing_field', 'type', 'The event has no "type"')], warnings)
  }
  if (typeof type !== 'string') {
    return invalid(
      [inputError('wrong_type', 'type', `"type" must be a string, got ${describe(type)}`)],
      warnings,
    )
  }
  if (!TYPES.has(type)) {
    return invalid(
      [
        inputError(
          'unknown_type',
          'type',
          `Unknown event type "${type}"; expected identify, track, page, screen, group, alias or reset`,
        ),
      ],
      warnings,
    )
  }

  const errors: InputError[] = []
  let fixes: Record<string, string> | undefined
  for (const key of type === 'group' ? GROUP_IDS : type === 'alias' ? ALIAS_IDS : IDS) {
    const v = input[key]
    const required = key === 'groupId' || key === 'previousId'
    if (v === undefined || v === null) {
      if (required) errors.push(inputError('missing_field', key, `A ${type} call needs "${key}"`))
    } else if (typeof v === 'string') {
      if (required && v === '') errors.push(inputError('empty', key, `"${key}" must not be empty`))
    } else if (typeof v === 'number' && Number.isFinite(v)) {
      fixes ??= {}
      fixes[key] = String(v)
      warn(warnings, 'converted', key, `"${key}" ${v} is a number; sent as the string "${v}"`)
    } else {
      errors.push(inputError('wrong_type', key, `"${key}" must be a string, got ${describe(v)}`))
    }
  }
  if (type === 'track') {
    const name = input.event
    if (name === undefined || name === null) {
      errors.push(inputError('missing_field', 'event', 'A track call needs an "event" name'))
    } else if (typeof name !== 'string') {
      errors.push(
        inputError('wrong_type', 'event', `"event" must be a string, got ${describe(name)}`),
      )
    } else if (name.trim() === '') {
      errors.push(inputError('empty', 'event', 'The "event" name must not be empty'))
    }
  }
  if (type === 'page' || type === 'screen') {
    for (const key of ['name', 'category'] as const) {
      const v = input[key]
      if (v !== undefined && v !== null && typeof v !== 'string') {
        errors.push(inputError('wrong_type', key, `"${key}" must be a string, got ${describe(v)}`))
      }
    }
  }
  for (const key of OBJECT_FIELDS) {
    const v = input[key]
    if (v !== undefined && v !== null && !isRecord(v)) {
      errors.push(inputError('wrong_type', key, `"${key}" must be an object, got ${describe(v)}`))
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
  }
  if (errors.length > 0) return invalid(errors, warnings)
  const event = (fixes ? { ...input, ...fixes } : input) as unknown as SegmentEvent
  return { status: 'parsed', event, warnings }
}

function invalid(errors: InputError[], warnings: Warning[]): Invalid {
  return { status: 'invalid', errors, warnings }
}
