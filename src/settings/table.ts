/**
 * Every setting once: its default and what it accepts (a {@link Check}: the text its
 * error gives and the test; `resolveSettings` has the one loop that reads them), and, in {@link settingsDocs}, the type and targets its docs
 * row gives. `DEFAULT_SETTINGS` and `resolveSettings` derive from this table, a type
 * test holds it to the {@link Settings} interface (which keeps the TSDoc), and a docs
 * test holds `docs/guide/settings.md` to it.
 * @module
 */
import { isDigit } from '../_lib/char-codes.js'
import { BOOLEAN, type Check, check, NON_EMPTY, OBJECT, oneOf } from '../checks.js'
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

/** One row of the settings table. */
export interface SettingSpec<T> {
  /** The value when the setting is absent. */
  default: T
  check: Check
}

/** `'1.4'` (legacy Users API) or a 2.x version such as `'2.16'`. */
export function isSupportedApiVersion(v: string): boolean {
  // Code units, not a regular expression: every REST call checks its version.
  if (v === '1.4') return true
  let i = 2 // past '2.'
  while (isDigit(v.charCodeAt(i))) i++
  return i > 2 && i === v.length && v.startsWith('2.')
}

function row<T>(def: T, check: Check): SettingSpec<T> {
  return { default: def, check }
}

const NESTED = oneOf(NESTED_VALUES_MODES)

/** Every setting, in the order of the docs' table. */
export const SETTINGS_TABLE: {
  readonly [K in keyof Settings]-?: SettingSpec<ResolvedSettings[K]>
} = {
  appId: row(undefined, NON_EMPTY),
  mobileApiKey: row(undefined, NON_EMPTY),
  customInboxButtonSelector: row(
    DEFAULT_LAUNCHER_SELECTOR,
    check('a non-empty CSS selector', (v) => typeof v === 'string' && v.trim() !== ''),
  ),
  collectContext: row(false, BOOLEAN),
  richLinkProperties: row(
    Object.freeze([]),
    check(
      'an array of property names',
      (v) => Array.isArray(v) && v.every((p) => typeof p === 'string'),
    ),
  ),
  apiVersion: row(
    '2.16',
    check(
      "'1.4' or a 2.x version such as '2.16'",
      (v) => typeof v === 'string' && isSupportedApiVersion(v),
    ),
  ),
  region: row('us', oneOf(REGIONS)),
  maxEventProperties: row(
    SEED_MAX_EVENT_METADATA,
    check('a non-negative integer', (v) => Number.isInteger(v) && (v as number) >= 0),
  ),
  nestedValues: row('flatten', NESTED),
  nestedValuesByKey: row(Object.freeze({}), {
    ...OBJECT,
    expected: 'an object of { key: mode }',
    each: NESTED,
  }),
  longValues: row('truncate', oneOf(LONG_VALUES_MODES)),
  // The one rule across two keys (resolve.ts): createMissingAttributes: true without
  // unknownAttributes resolves to 'create'.
  unknownAttributes: row('drop', oneOf(UNKNOWN_ATTRIBUTES_MODES)),
  createMissingAttributes: row(false, BOOLEAN),
}

/**
 * The docs' "type" and "used by" columns of each setting, in the table's order. Only
 * the docs read them: a function, so that no bundle carries them.
 */
export function settingsDocs(): {
  readonly [K in keyof Settings]-?: readonly [type: string, usedBy: string]
} {
  const modes = (m: readonly string[]) => m.map((x) => `\`'${x}'\``).join(' \\| ')
  return {
    appId: ['non-empty string', 'Messenger'],
    mobileApiKey: ['non-empty string', '—'],
    customInboxButtonSelector: ['non-empty CSS selector', 'Messenger'],
    collectContext: ['boolean', 'all targets'],
    richLinkProperties: ['string[]', 'all targets (track)'],
    apiVersion: ["`'1.4'` or `'2.<n>'`", 'REST'],
    region: [modes(REGIONS), 'REST, Messenger'],
    maxEventProperties: ['integer ≥ 0', 'all targets (track)'],
    nestedValues: [modes(NESTED_VALUES_MODES), 'all targets'],
    nestedValuesByKey: ['`{ [topLevelKey]: mode }`', 'all targets'],
    longValues: [modes(LONG_VALUES_MODES), 'all targets'],
    unknownAttributes: [modes(UNKNOWN_ATTRIBUTES_MODES), 'REST 2.x'],
    createMissingAttributes: ['boolean', 'REST 2.x'],
  }
}
