import { describe } from '../_lib/describe.js'
import { setOwn } from '../_lib/set-own.js'
import { COMPANY_FIELDS, CONTACT_FIELDS } from '../intercom/attribute-names.js'
import { MAX_STRING_LENGTH } from '../intercom/limits.js'
import type { NestedValuesMode } from '../settings/types.js'
import { joinPath, warn } from '../warnings.js'
import type { NormalizeContext } from './context.js'
import { dateSeconds, toUnixSeconds } from './dates.js'
import { safeKey } from './keys.js'
import type { AttributeValue, MetadataValue } from './model.js'
import { codePointLength, truncateCodePoints } from './truncate.js'

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
  return { out: {}, paths: {}, kind, room: Number.POSITIVE_INFINITY }
}

/**
 * Applies the 255-character rule (`longValues`) to a string. Returns `undefined`
 * when the value is dropped; warns either way.
 */
export function fitString(s: string, path: string, ctx: NormalizeContext): string | undefined {
  // A string of ≤ 255 UTF-16 units has ≤ 255 code points: no scan needed.
  if (s.length <= MAX_STRING_LENGTH || codePointLength(s) <= MAX_STRING_LENGTH) return s
  if (ctx.settings.longValues === 'drop') {
    warn(ctx.warnings, 'dropped_long', path, `Longer than ${MAX_STRING_LENGTH} characters; dropped`)
    return undefined
  }
  warn(ctx.warnings, 'truncated', path, `Longer than ${MAX_STRING_LENGTH} characters; truncated`)
  return truncateCodePoints(s, MAX_STRING_LENGTH)
}

/** Keys that name a date by Intercom's conventions (`_at`, `_date`) or camelCase (`At`, `Date`). */
export function isDateKey(key: string): boolean {
  const n = key.length
  if (n < 3) return false
  const last = key.charCodeAt(n - 1)
  if (last === 116 /* t */) {
    const a = key.charCodeAt(n - 2)
    return a === 65 /* A */ || (a === 97 /* a */ && key.charCodeAt(n - 3) === 95) /* _at */
  }
  if (last === 101 /* e */ && n >= 5 && key.endsWith('ate')) {
    const d = key.charCodeAt(n - 4)
    return d === 68 /* D */ || (d === 100 /* d */ && key.charCodeAt(n - 5) === 95) /* _date */
  }
  return false
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
  // A reserved name is refused before the value is converted, so no conversion is
  // warned for a value that is not sent. (An object to flatten gets other keys.)
  const nested = typeof value === 'object' && value !== null && !(value instanceof Date)
  if ((!nested || nestedMode(topKey, ctx) !== 'flatten') && refuseReserved(sink, key, path, ctx))
    return
  switch (typeof value) {
    case 'string': {
      let v: string | number | undefined = value
      // From 4 characters: a year alone ("2014") is an ISO 8601 date.
      if (isDateKey(key) && value.length >= 4) {
        const t = dateSeconds(value, path, ctx.warnings)
        if (t !== undefined) {
          warn(ctx.warnings, 'date_converted', path, `Date text sent as unix seconds (${t})`)
          v = t
        }
      }
      if (typeof v === 'string') v = fitString(v, path, ctx)
      if (v !== undefined) put(sink, key, v as V, path, ctx, flattening)
      return
    }
    case 'number':
      if (Number.isFinite(value)) {
        // Intercom dates are unix seconds; a date-named value in epoch ms would land in year 45000.
        if ((value >= 1e11 || value <= -1e11) && isDateKey(key)) {
          const t = Math.floor(value / 1000)
          warn(
            ctx.warnings,
            'date_converted',
            path,
            `Epoch milliseconds sent as unix seconds (${t})`,
          )
          put(sink, key, t as V, path, ctx, flattening)
        } else put(sink, key, value as V, path, ctx, flattening)
      } else warn(ctx.warnings, 'dropped_value', path, `${value} is not a finite number; dropped`)
      return
    case 'boolean':
      // Contact and company attributes take booleans; only event metadata has none.
      if (sink.kind !== 'metadata') put(sink, key, value as V, path, ctx, flattening)
      else {
        warn(
          ctx.warnings,
          'converted',
          path,
          'Intercom event metadata has no booleans; sent as text',
        )
        put(sink, key, String(value) as V, path, ctx, flattening)
      }
      return
    case 'undefined':
      return
    case 'object':
      if (value === null) {
        if (sink.kind === 'attribute') put(sink, key, null as V, path, ctx, flattening)
        else
          warn(
            ctx.warnings,
            'dropped_value',
            path,
            `Intercom ${sink.kind === 'company' ? 'company attributes' : 'event metadata'} take no null; dropped`,
          )
        return
      }
      if (value instanceof Date) {
        const t = toUnixSeconds(value)
        if (t === undefined) warn(ctx.warnings, 'invalid_date', path, 'Invalid Date; dropped')
        else {
          warn(ctx.warnings, 'date_converted', path, `Date sent as unix seconds (${t})`)
          put(sink, key, t as V, path, ctx, flattening)
        }
        return
      }
      writeNested(sink, key, value, path, topKey, ctx, flattening)
      return
    default:
      warn(ctx.warnings, 'dropped_value', path, `Unsupported value (${describe(value)}); dropped`)
  }
}

/** The `nestedValues` mode for a top-level key (`nestedValuesByKey` first). */
export function nestedMode(topKey: string, ctx: NormalizeContext): NestedValuesMode {
  const byKey = ctx.settings.nestedValuesByKey
  return (Object.hasOwn(byKey, topKey) ? byKey[topKey] : undefined) ?? ctx.settings.nestedValues
}

function writeNested<V extends AttributeValue | MetadataValue>(
  sink: ValueSink<V>,
  key: string,
  value: object,
  path: string,
  topKey: string,
  ctx: NormalizeContext,
  flattening: boolean,
): void {
  const mode = nestedMode(topKey, ctx)
  if (mode === 'drop') {
    warn(
      ctx.warnings,
      'dropped_nested',
      path,
      'Intercom does not accept objects or arrays; dropped',
    )
    return
  }
  if (mode === 'stringify') {
    const text = safeStringify(value)
    if (text === undefined) {
      warn(ctx.warnings, 'dropped_value', path, 'Could not be serialised (cycle?); dropped')
      return
    }
    warn(ctx.warnings, 'stringified', path, 'Objects and arrays are sent as JSON text')
    const fitted = fitString(text, path, ctx)
    if (fitted !== undefined) put(sink, key, fitted as V, path, ctx, flattening)
    return
  }
  // flatten: `address.city` → `address_city`, `tags[0]` → `tags_0`.
  let any = false
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      any = true
      writeValue(sink, `${key}_${i}`, value[i], joinPath(path, i), topKey, ctx, true)
    }
  } else {
    const obj = value as Record<string, unknown>
    for (const k in obj) {
      any = true
      writeValue(sink, `${key}_${k}`, obj[k], joinPath(path, k), topKey, ctx, true)
    }
  }
  // Each leaf written is warned `flattened` at its own path (by put).
  if (!any) warn(ctx.warnings, 'dropped_nested', path, 'Empty object or array; nothing to send')
}

function safeStringify(value: object): string | undefined {
  try {
    return JSON.stringify(value)
  } catch {
    return undefined
  }
}

/** The reserved-name table of a sink's kind: contact or company fields (none for metadata). */
function reservedFields(kind: ValueSink<unknown>['kind']) {
  return kind === 'attribute' ? CONTACT_FIELDS : kind === 'company' ? COMPANY_FIELDS : undefined
}

/** Warns `reserved_name` and returns true when `key` (rewritten) names one of Intercom's own fields. */
function refuseReserved(
  sink: ValueSink<unknown>,
  rawKey: string,
  path: string,
  ctx: NormalizeContext,
): boolean {
  const reserved = reservedFields(sink.kind)
  if (reserved === undefined) return false
  const key = safeKey(rawKey)
  if (!Object.hasOwn(reserved, key)) return false
  const what = sink.kind === 'company' ? 'company' : 'contact'
  const why = reserved[key]?.note ?? `it is a field of Intercom's ${what}, not a custom attribute`
  warn(ctx.warnings, 'reserved_name', path, `"${key}" is not sent: ${why}`)
  return true
}

/**
 * Final write of one value: a valid key, never the name of one of Intercom's own
 * fields, no silent overwrite, the metadata cap.
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
  // trim() also removes U+00A0 and the other Unicode spaces (all ≥ 0xA0): test those too.
  const first = rawKey.charCodeAt(0)
  if (rawKey === '' || ((first <= 32 || first >= 0xa0) && rawKey.trim() === '')) {
    warn(
      ctx.warnings,
      'invalid_key',
      path,
      'An empty or blank key cannot name an Intercom attribute; dropped',
    )
    return false
  }
  const key = safeKey(rawKey)
  if (key !== rawKey) {
    warn(
      ctx.warnings,
      'renamed_key',
      path,
      `Key "${rawKey}" sent as "${key}" (Intercom forbids . $ and similar)`,
    )
  }
  // writeValue refuses reserved names first; this guards direct callers.
  if (refuseReserved(sink, rawKey, path, ctx)) return false
  if (Object.hasOwn(sink.out, key)) {
    warn(
      ctx.warnings,
      'key_collision',
      path,
      `Another value already uses the key "${key}"; dropped`,
    )
    return false
  }
  if (sink.room <= 0) {
    warn(
      ctx.warnings,
      'metadata_cap',
      path,
      `Intercom keeps ${ctx.settings.maxEventProperties} event properties; "${key}" dropped`,
    )
    return false
  }
  sink.room--
  setOwn(sink.out, key, v)
  setOwn(sink.paths, key, path)
  if (flattened) warn(ctx.warnings, 'flattened', path, `Nested value sent as "${key}"`)
  return true
}
