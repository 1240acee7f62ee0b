import { describe } from '../_lib/describe.js'
import { hasKeys } from '../_lib/is-record.js'
import { setOwn } from '../_lib/set-own.js'
import { COMPANY_FIELDS, CONTACT_FIELDS } from '../intercom/attribute-names.js'
import { MAX_STRING_LENGTH } from '../intercom/limits.js'
import type { NestedValuesMode } from '../settings/types.js'
import type { Warning } from '../types.js'
import { dropped, joinPath, warn } from '../warnings.js'
import type { NormalizeContext } from './context.js'
import { dateSeconds, toUnixSeconds } from './dates.js'
import { safeKey } from './keys.js'
import type { AttributeValue, MetadataValue } from './model.js'
import { truncateCodePoints } from './truncate.js'

/**
 * Where flattened values go: contact attributes (string, number, boolean, null —
 * null clears the attribute), company attributes (no null: Intercom's company
 * schema and the mobile SDKs' company type take none), or event metadata (no
 * booleans or nulls, capped in size).
 */
export interface ValueSink<V> {
  out: Record<string, V>
  /** Where each written key came from in the input (`traits.address.city` for `address_city`). */
  paths: Record<string, string>
  kind: 'attribute' | 'company' | 'metadata'
  /** Keys still allowed (metadata cap); `Infinity` for attributes. */
  room: number
}

/** A new sink for a contact's (`'attribute'`) or a company's custom attributes. */
export function attributeSink(
  kind: 'attribute' | 'company' = 'attribute',
): ValueSink<AttributeValue> {
  return { out: {}, paths: {}, kind, room: Infinity }
}

/**
 * Applies the 255-character rule (`longValues`) to a string. Returns `undefined`
 * when the value is dropped; warns either way.
 */
export function fitString(s: string, path: string, ctx: NormalizeContext): string | undefined {
  // ≤ 255 UTF-16 units are ≤ 255 code points: most strings return here, without a call.
  if (s.length <= MAX_STRING_LENGTH) return s
  const cut = truncateCodePoints(s, MAX_STRING_LENGTH)
  if (cut === s) return s
  const long = `Longer than ${MAX_STRING_LENGTH} characters`
  if (ctx.settings.longValues === 'drop') return dropped(ctx.warnings, path, long, 'dropped_long')
  warn(ctx.warnings, 'truncated', path, `${long}; truncated`)
  return cut
}

/**
 * Keys that name a date by Intercom's conventions (`_at`, `_date`) or camelCase
 * (`At`, `Date` after at least one character): `trial_ends_at`, `renewalDate`, not
 * `flat`, `update` or `Date`.
 */
const DATE_KEY = /(?:_a|.A)t$|(?:_d|.D)ate$/s

/** Whether `key` names a date (as above): its text and epoch milliseconds become unix seconds. */
export function isDateKey(key: string): boolean {
  // Only a key ending in `t` (116) or `e` (101) can match; this check costs far less than the test.
  const last = key.charCodeAt(key.length - 1)
  return (last === 116 || last === 101) && DATE_KEY.test(key)
}

/** Warns `date_converted` (a date sent as unix seconds `t`) and returns `t`. */
function seconds(warnings: Warning[], path: string, t: number): number {
  warn(warnings, 'date_converted', path, `Sent as unix seconds (${t})`)
  return t
}

/**
 * Writes one input value under `key` into `sink`, applying every value rule once:
 * key rewriting, the nested-values mode, the 255-character rule, date-named keys to
 * unix seconds, and (for metadata) booleans to strings and the size cap.
 * Everything not written unchanged is warned at `path`.
 *
 * @param topKey The top-level key under traits/properties, for `nestedValuesByKey`.
 */
export function writeValue<V extends AttributeValue | MetadataValue>(
  sink: ValueSink<V>,
  key: string,
  value: unknown,
  path: string,
  topKey: string,
  ctx: NormalizeContext,
  /** Inside a value being flattened: each leaf written is warned `flattened`. */
  flattening = false,
): void {
  const mode =
    typeof value === 'object' && value !== null && !(value instanceof Date)
      ? nestedMode(topKey, ctx)
      : undefined
  if (mode === 'flatten') {
    // `address.city` → `address_city`, `tags[0]` → `tags_0`; put warns each leaf
    // `flattened` at its own path. Arrays by index, not for…in: enumerable
    // additions to Array.prototype are not elements.
    const obj = value as Record<string, unknown>
    if (Array.isArray(obj) ? obj.length === 0 : !hasKeys(obj)) {
      dropped(ctx.warnings, path, 'Empty object or array', 'dropped_nested')
    } else if (Array.isArray(obj)) {
      for (let i = 0; i < obj.length; i++) {
        writeValue(sink, `${key}_${i}`, obj[i], joinPath(path, i), topKey, ctx, true)
      }
    } else {
      for (const k in obj)
        writeValue(sink, `${key}_${k}`, obj[k], joinPath(path, k), topKey, ctx, true)
    }
  }
  // A reserved name is refused before the value is converted, so no conversion is
  // warned for a value that is not sent (an object to flatten gets other keys).
  // JSON has no undefined: nothing to send, nothing to warn.
  else if (!refuseReserved(sink, key, path, ctx) && value !== undefined) {
    const v = convert(sink.kind, key, value, path, ctx, mode)
    if (v !== undefined) put(sink, key, v as V, path, ctx, flattening)
  }
}

/**
 * What a sink of `kind` takes for `value`: the value itself, or converted (warned),
 * or `undefined` when nothing is sent (warned). `mode` is the nested-values mode
 * (`drop` or `stringify`) for an object or array.
 */
function convert(
  kind: ValueSink<unknown>['kind'],
  key: string,
  value: unknown,
  path: string,
  ctx: NormalizeContext,
  mode: NestedValuesMode | undefined,
): AttributeValue | undefined {
  const warnings = ctx.warnings
  switch (typeof value) {
    case 'string': {
      // From 4 characters: a year alone ("2014") is an ISO 8601 date.
      const t = value.length >= 4 && isDateKey(key) ? dateSeconds(value, path, warnings) : undefined
      return t === undefined ? fitString(value, path, ctx) : seconds(warnings, path, t)
    }
    case 'number':
      if (!Number.isFinite(value)) return dropped(warnings, path, `${value} is not a finite number`)
      // Intercom dates are unix seconds; a date-named value in epoch ms would land in year 45000.
      return Math.abs(value) >= 1e11 && isDateKey(key)
        ? seconds(warnings, path, Math.floor(value / 1000))
        : value
    case 'boolean':
      // Contact and company attributes take booleans; only event metadata has none.
      if (kind !== 'metadata') return value
      warn(warnings, 'converted', path, 'Intercom event metadata has no booleans; sent as text')
      return String(value)
    case 'object': {
      if (value === null) {
        return kind === 'attribute' ? null : dropped(warnings, path, `Null is not a ${kind} value`)
      }
      if (mode === undefined) {
        // Neither null nor nested: a Date.
        const t = toUnixSeconds(value as Date)
        if (t === undefined) return dropped(warnings, path, 'Invalid Date', 'invalid_date')
        return seconds(warnings, path, t)
      }
      if (mode === 'drop') {
        return dropped(warnings, path, 'Intercom takes no objects or arrays', 'dropped_nested')
      }
      const text = json(value)
      if (text === undefined) return dropped(warnings, path, 'Not serialisable as JSON')
      warn(warnings, 'stringified', path, 'Sent as JSON text')
      return fitString(text, path, ctx)
    }
  }
  return dropped(warnings, path, `Unsupported ${describe(value)}`)
}

/**
 * `JSON.stringify(value)`, or `undefined` when there is no JSON text: a cycle or a
 * bigint throws, a `toJSON` may return `undefined`.
 */
function json(value: object): string | undefined {
  try {
    return JSON.stringify(value)
  } catch {
    return undefined
  }
}

/** The `nestedValues` mode for a top-level key (`nestedValuesByKey` first). */
export function nestedMode(topKey: string, ctx: NormalizeContext): NestedValuesMode {
  const byKey = ctx.settings.nestedValuesByKey
  return (Object.hasOwn(byKey, topKey) ? byKey[topKey] : undefined) ?? ctx.settings.nestedValues
}

/** Intercom's own field names, by sink kind: event metadata has none. */
const RESERVED: Partial<Record<ValueSink<unknown>['kind'], typeof CONTACT_FIELDS>> = {
  attribute: CONTACT_FIELDS,
  company: COMPANY_FIELDS,
}

/** Warns `reserved_name` and returns true when `key` (rewritten) names one of Intercom's own fields. */
function refuseReserved(
  sink: ValueSink<unknown>,
  rawKey: string,
  path: string,
  ctx: NormalizeContext,
): boolean {
  const fields = RESERVED[sink.kind]
  if (fields === undefined) return false
  const key = safeKey(rawKey)
  if (!Object.hasOwn(fields, key)) return false
  const why = fields[key]?.note ?? "it names one of Intercom's own fields"
  warn(ctx.warnings, 'reserved_name', path, `"${key}" is not sent: ${why}`)
  return true
}

/**
 * Final write of one value: a valid key, no silent overwrite, the metadata cap.
 * Intercom's own field names are writeValue's to refuse, before any conversion is
 * warned; direct callers write keys of their own (`price`, a link's key) to event
 * metadata, which has none.
 *
 * @param flattened The value is a leaf of a flattened object or array: warned
 *   `flattened` at its own path once written.
 */
export function put<V>(
  sink: ValueSink<V>,
  rawKey: string,
  v: V,
  path: string,
  ctx: NormalizeContext,
  flattened = false,
): boolean {
  const warnings = ctx.warnings
  // No white space starts with U+0021–U+009F: the cheap test first, trim() for the
  // rest (it removes the Unicode spaces, U+00A0 and up, too).
  const first = rawKey.charCodeAt(0)
  if (!(first > 32 && first < 0xa0) && rawKey.trim() === '') {
    dropped(warnings, path, 'Empty or blank key', 'invalid_key')
    return false
  }
  const key = safeKey(rawKey)
  if (key !== rawKey)
    warn(warnings, 'renamed_key', path, `Sent as "${key}": Intercom forbids . $ etc. in names`)
  if (Object.hasOwn(sink.out, key)) {
    dropped(warnings, path, `"${key}" is already used`, 'key_collision')
    return false
  }
  if (sink.room <= 0) {
    const reason = `Intercom keeps ${ctx.settings.maxEventProperties} event properties`
    dropped(warnings, path, reason, 'metadata_cap')
    return false
  }
  sink.room--
  setOwn(sink.out, key, v)
  setOwn(sink.paths, key, path)
  if (flattened) warn(warnings, 'flattened', path, `Sent as "${key}"`)
  return true
}
