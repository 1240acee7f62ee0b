import { isRecord } from '../is-record.js'
import type { InputError, Warning } from '../types.js'
import { describe, inputError, warn } from '../warnings.js'
import type {
  LongValuesMode,
  NestedValuesMode,
  Region,
  ResolvedSettings,
  Settings,
} from './types.js'

/** The value of each {@link Settings} key when it is not given (`undefined`: no default). */
export const DEFAULT_SETTINGS: ResolvedSettings = Object.freeze({
  appId: undefined,
  mobileApiKey: undefined,
  customInboxButtonSelector: '#IntercomDefaultWidget',
  collectContext: false,
  richLinkProperties: Object.freeze([]) as readonly string[],
  apiVersion: '2.16',
  region: 'us',
  maxEventProperties: 5,
  nestedValues: 'flatten',
  nestedValuesByKey: Object.freeze({}),
  longValues: 'truncate',
  createMissingAttributes: false,
})

/**
 * The result of {@link resolveSettings}, discriminated on `ok`: {@link SettingsOk} or
 * {@link SettingsInvalid}.
 */
export type SettingsResult = SettingsOk | SettingsInvalid

/** Settings that can be used: every key resolved, defaults applied. */
export interface SettingsOk {
  ok: true
  settings: ResolvedSettings
  /** What was not used as given, e.g. an unknown key (`unknown_setting`). */
  warnings: Warning[]
}

/** Settings that cannot be used: each error is at `settings.<key>`. */
export interface SettingsInvalid {
  ok: false
  errors: InputError[]
  warnings: Warning[]
}

const NESTED_MODES: readonly string[] = ['flatten', 'stringify', 'drop']
const LONG_MODES: readonly string[] = ['truncate', 'drop']
const REGIONS: readonly string[] = ['us', 'eu', 'au']

/** `'1.4'` (legacy Users API) or a 2.x version such as `'2.16'`. */
export function isSupportedApiVersion(v: string): boolean {
  if (v === '1.4') return true
  if (v.length < 3 || v.charCodeAt(0) !== 50 /* 2 */ || v.charCodeAt(1) !== 46 /* . */) return false
  for (let i = 2; i < v.length; i++) {
    const c = v.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  return true
}

/**
 * Checks `settings` and applies the defaults. A wrongly typed key is an error at
 * `settings.<key>`; an unknown key is a warning. Never throws.
 *
 * @example
 * ```ts
 * resolveSettings({ region: 'eu' })   // { ok: true, settings: { region: 'eu', apiVersion: '2.16', … }, warnings: [] }
 * resolveSettings({ region: 'mars' }) // { ok: false, errors: [{ code: 'invalid_setting', path: 'settings.region', … }] }
 * ```
 */
export function resolveSettings(input: unknown): SettingsResult {
  const warnings: Warning[] = []
  if (input === undefined) return { ok: true, settings: DEFAULT_SETTINGS, warnings }
  if (!isRecord(input)) {
    return {
      ok: false,
      errors: [
        inputError('wrong_type', 'settings', `settings must be an object, got ${describe(input)}`),
      ],
      warnings,
    }
  }
  const errors: InputError[] = []
  const s = defaults()
  const bad = (key: string, expected: string, value: unknown) =>
    invalidSetting(errors, key, expected, value)

  for (const key in input) {
    const value = input[key]
    if (value === undefined) continue
    switch (key as keyof Settings) {
      case 'appId':
      case 'mobileApiKey':
        if (typeof value === 'string' && value !== '') s[key as 'appId'] = value
        else bad(key, 'a non-empty string', value)
        break
      case 'customInboxButtonSelector':
        if (typeof value === 'string' && value.trim() !== '') s.customInboxButtonSelector = value
        else bad(key, 'a non-empty CSS selector', value)
        break
      case 'collectContext':
      case 'createMissingAttributes':
        if (typeof value === 'boolean') s[key as 'collectContext'] = value
        else bad(key, 'a boolean', value)
        break
      case 'richLinkProperties':
        if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
          s.richLinkProperties = value as string[]
        } else bad(key, 'an array of property names', value)
        break
      case 'apiVersion':
        if (typeof value === 'string' && isSupportedApiVersion(value)) s.apiVersion = value
        else bad(key, "'1.4' or a 2.x version such as '2.16'", value)
        break
      case 'region':
        if (typeof value === 'string' && REGIONS.includes(value)) s.region = value as Region
        else bad(key, "one of 'us', 'eu', 'au'", value)
        break
      case 'maxEventProperties':
        if (typeof value === 'number' && Number.isInteger(value) && value >= 0) {
          s.maxEventProperties = value
        } else bad(key, 'a non-negative integer', value)
        break
      case 'nestedValues':
        if (typeof value === 'string' && NESTED_MODES.includes(value)) {
          s.nestedValues = value as NestedValuesMode
        } else bad(key, "one of 'flatten', 'stringify', 'drop'", value)
        break
      case 'nestedValuesByKey':
        if (!isRecord(value)) bad(key, 'an object of { key: mode }', value)
        else {
          for (const k in value) {
            const mode = value[k]
            if (typeof mode !== 'string' || !NESTED_MODES.includes(mode)) {
              bad(`nestedValuesByKey.${k}`, "one of 'flatten', 'stringify', 'drop'", mode)
            }
          }
          s.nestedValuesByKey = value as Record<string, NestedValuesMode>
        }
        break
      case 'longValues':
        if (typeof value === 'string' && LONG_MODES.includes(value)) {
          s.longValues = value as LongValuesMode
        } else bad(key, "one of 'truncate', 'drop'", value)
        break
      default:
        warn(warnings, 'unknown_setting', `settings.${key}`, `Unknown setting "${key}" is ignored`)
    }
  }
  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, settings: s, warnings }
}

/** A fresh, mutable copy of the defaults, as a literal (one hidden class; no spread). */
function defaults(): ResolvedSettings {
  const d = DEFAULT_SETTINGS
  return {
    appId: d.appId,
    mobileApiKey: d.mobileApiKey,
    customInboxButtonSelector: d.customInboxButtonSelector,
    collectContext: d.collectContext,
    richLinkProperties: d.richLinkProperties,
    apiVersion: d.apiVersion,
    region: d.region,
    maxEventProperties: d.maxEventProperties,
    nestedValues: d.nestedValues,
    nestedValuesByKey: d.nestedValuesByKey,
    longValues: d.longValues,
    createMissingAttributes: d.createMissingAttributes,
  }
}

function invalidSetting(errors: InputError[], key: string, expected: string, value: unknown) {
  const got = typeof value === 'string' ? JSON.stringify(value) : describe(value)
  errors.push(
    inputError(
      'invalid_setting',
      `settings.${key}`,
      `settings.${key} must be ${expected}, got ${got}`,
    ),
  )
}
