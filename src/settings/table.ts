/**
 * Every setting once: its default, what it accepts, the text its error and its docs
 * row give, and the targets that read it. `DEFAULT_SETTINGS` and `resolveSettings`
 * derive from this table, a type test holds it to the {@link Settings} interface
 * (which keeps the TSDoc), and a docs test holds `docs/guide/settings.md` to it.
 * @module
 */
import { DIGIT_2, DOT, isDigit } from '../_lib/char-codes.js'
import { isRecord } from '../_lib/is-record.js'
import { SEED_MAX_EVENT_METADATA } from '../intercom/limits.js'
import { DEFAULT_LAUNCHER_SELECTOR } from '../intercom/messenger.js'
import type {
  LongValuesMode,
  NestedValuesMode,
  Region,
  ResolvedSettings,
  Settings,
  UnknownAttributesMode,
} from './types.js'

/** The modes of {@link Settings.nestedValues}. */
export const NESTED_VALUES_MODES = [
  'flatten',
  'stringify',
  'drop',
] as const satisfies readonly NestedValuesMode[]

/** The modes of {@link Settings.longValues}. */
export const LONG_VALUES_MODES = ['truncate', 'drop'] as const satisfies readonly LongValuesMode[]

/** The modes of {@link Settings.unknownAttributes}. */
export const UNKNOWN_ATTRIBUTES_MODES = [
  'drop',
  'create',
  'fail',
] as const satisfies readonly UnknownAttributesMode[]

/** The data-hosting regions of {@link Settings.region}. */
export const REGIONS = ['us', 'eu', 'au'] as const satisfies readonly Region[]

/** Reports a wrong value at `settings.<key>` (or below it, for `nestedValuesByKey.<k>`). */
export type ReportInvalid = (key: string, expected: string, value: unknown) => void

/** One row of the settings table. */
export interface SettingSpec<T> {
  /** The value when the setting is absent. */
  default: T
  /** What the setting accepts, as the docs' "type" column says it. */
  type: string
  /** The targets that read it, as the docs' "used by" column says it. */
  usedBy: string
  /** The value to use, or `undefined` after reporting why `value` is wrong. */
  read(value: unknown, key: string, invalid: ReportInvalid): T | undefined
}

/** `'1.4'` (legacy Users API) or a 2.x version such as `'2.16'`. */
export function isSupportedApiVersion(v: string): boolean {
  if (v === '1.4') return true
  if (v.length < 3 || v.charCodeAt(0) !== DIGIT_2 || v.charCodeAt(1) !== DOT) return false
  for (let i = 2; i < v.length; i++) if (!isDigit(v.charCodeAt(i))) return false
  return true
}

/** `'a'`, `'b'`, `'c'` → `"one of 'a', 'b', 'c'"`. */
function oneOf(modes: readonly string[]): string {
  return `one of ${modes.map((m) => `'${m}'`).join(', ')}`
}

function mode<M extends string>(modes: readonly M[], usedBy: string, def: M): SettingSpec<M> {
  const expected = oneOf(modes)
  return {
    default: def,
    type: modes.map((m) => `\`'${m}'\``).join(' \\| '),
    usedBy,
    read: (value, key, invalid) => {
      if (typeof value === 'string' && (modes as readonly string[]).includes(value))
        return value as M
      invalid(key, expected, value)
      return undefined
    },
  }
}

function check<T>(
  def: T,
  type: string,
  usedBy: string,
  expected: string,
  valid: (value: unknown) => boolean,
): SettingSpec<T> {
  return {
    default: def,
    type,
    usedBy,
    read: (value, key, invalid) => {
      if (valid(value)) return value as T
      invalid(key, expected, value)
      return undefined
    },
  }
}

const nonEmptyString = (v: unknown) => typeof v === 'string' && v !== ''
const isBoolean = (v: unknown) => typeof v === 'boolean'

/** Every setting, in the order of the docs' table. */
export const SETTINGS_TABLE: {
  readonly [K in keyof Settings]-?: SettingSpec<ResolvedSettings[K]>
} = {
  appId: check<string | undefined>(
    undefined,
    'non-empty string',
    'Messenger',
    'a non-empty string',
    nonEmptyString,
  ),
  mobileApiKey: check<string | undefined>(
    undefined,
    'non-empty string',
    '—',
    'a non-empty string',
    nonEmptyString,
  ),
  customInboxButtonSelector: check(
    DEFAULT_LAUNCHER_SELECTOR,
    'non-empty CSS selector',
    'Messenger',
    'a non-empty CSS selector',
    (v) => typeof v === 'string' && v.trim() !== '',
  ),
  collectContext: check(false, 'boolean', 'all targets', 'a boolean', isBoolean),
  richLinkProperties: check<readonly string[]>(
    Object.freeze([]),
    'string[]',
    'all targets (track)',
    'an array of property names',
    (v) => Array.isArray(v) && v.every((p) => typeof p === 'string'),
  ),
  apiVersion: check(
    '2.16',
    "`'1.4'` or `'2.<n>'`",
    'REST',
    "'1.4' or a 2.x version such as '2.16'",
    (v) => typeof v === 'string' && isSupportedApiVersion(v),
  ),
  region: mode(REGIONS, 'REST, Messenger', 'us'),
  maxEventProperties: check(
    SEED_MAX_EVENT_METADATA,
    'integer ≥ 0',
    'all targets (track)',
    'a non-negative integer',
    (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0,
  ),
  nestedValues: mode(NESTED_VALUES_MODES, 'all targets', 'flatten'),
  nestedValuesByKey: {
    default: Object.freeze({}),
    type: '`{ [topLevelKey]: mode }`',
    usedBy: 'all targets',
    read: (value, key, invalid) => {
      if (!isRecord(value)) {
        invalid(key, 'an object of { key: mode }', value)
        return undefined
      }
      let ok = true
      for (const k in value) {
        const m = value[k]
        if (typeof m !== 'string' || !(NESTED_VALUES_MODES as readonly string[]).includes(m)) {
          invalid(`${key}.${k}`, oneOf(NESTED_VALUES_MODES), m)
          ok = false
        }
      }
      return ok ? (value as Record<string, NestedValuesMode>) : undefined
    },
  },
  longValues: mode(LONG_VALUES_MODES, 'all targets', 'truncate'),
  // The one rule across two keys (resolve.ts): createMissingAttributes: true without
  // unknownAttributes resolves to 'create'.
  unknownAttributes: mode(UNKNOWN_ATTRIBUTES_MODES, 'REST 2.x', 'drop'),
  createMissingAttributes: check(false, 'boolean', 'REST 2.x', 'a boolean', isBoolean),
}
