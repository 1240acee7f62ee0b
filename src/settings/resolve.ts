import { describe } from '../_lib/describe.js'
import { isRecord } from '../_lib/is-record.js'
import type { InputError, Warning } from '../types.js'
import { inputError, warn } from '../warnings.js'
import { SETTINGS_TABLE, type SettingSpec } from './table.js'
import type { ResolvedSettings, Settings } from './types.js'

export { isSupportedApiVersion } from './table.js'

/** The defaults of {@link Settings}, from the settings table. */
export const DEFAULT_SETTINGS: ResolvedSettings = defaults()

function defaults(): ResolvedSettings {
  const out: Record<string, unknown> = {}
  for (const key in SETTINGS_TABLE) out[key] = SETTINGS_TABLE[key as keyof Settings].default
  return Object.freeze(out as unknown as ResolvedSettings)
}

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
  const s: Record<string, unknown> = { ...DEFAULT_SETTINGS }
  const invalid = (key: string, expected: string, value: unknown) =>
    invalidSetting(errors, key, expected, value)

  for (const key in input) {
    const value = input[key]
    if (value === undefined) continue
    const spec: SettingSpec<unknown> | undefined = Object.hasOwn(SETTINGS_TABLE, key)
      ? SETTINGS_TABLE[key as keyof Settings]
      : undefined
    if (spec === undefined) {
      warn(warnings, 'unknown_setting', `settings.${key}`, `Unknown setting "${key}" is ignored`)
      continue
    }
    const read = spec.read(value, key, invalid)
    if (read !== undefined) s[key] = read
  }
  // The kept spelling: createMissingAttributes: true is unknownAttributes: 'create'.
  if (s.createMissingAttributes === true && input.unknownAttributes === undefined) {
    s.unknownAttributes = 'create'
  }
  return errors.length > 0
    ? { ok: false, errors, warnings }
    : { ok: true, settings: s as unknown as ResolvedSettings, warnings }
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
