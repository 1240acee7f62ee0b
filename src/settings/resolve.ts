import { describe } from '../_lib/describe.js'
import { isRecord } from '../_lib/is-record.js'
import { type Check, mustBe, OBJECT } from '../checks.js'
import type { InputError, Warning } from '../types.js'
import { inputError, warn } from '../warnings.js'
import { SETTINGS_TABLE } from './table.js'
import type { ResolvedSettings, Settings } from './types.js'

export { isSupportedApiVersion } from './table.js'

/**
 * The defaults, from the settings table: what each call copies. Never handed out, so
 * not frozen: V8 spreads a frozen object key by key (about 170 ns here, against 22).
 */
const DEFAULTS: Record<string, unknown> = Object.fromEntries(
  Object.entries(SETTINGS_TABLE).map(([key, spec]) => [key, spec.default]),
)

/** The defaults of {@link Settings}, from the settings table. */
export const DEFAULT_SETTINGS: ResolvedSettings = Object.freeze({
  ...DEFAULTS,
}) as unknown as ResolvedSettings

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
  const errors: InputError[] = []
  if (!isRecord(input)) {
    const message = mustBe('settings', OBJECT, input)
    return { ok: false, errors: [inputError('wrong_type', 'settings', message)], warnings }
  }
  const s = { ...DEFAULTS }
  for (const key in input) {
    const value = input[key]
    if (value === undefined) continue
    if (!Object.hasOwn(SETTINGS_TABLE, key)) {
      warn(warnings, 'unknown_setting', `settings.${key}`, `Unknown setting "${key}" is ignored`)
    } else if (valid(errors, 'settings', key, value, SETTINGS_TABLE[key as keyof Settings].check))
      s[key] = value
  }
  // The kept spelling: createMissingAttributes: true is unknownAttributes: 'create'.
  if (s.createMissingAttributes === true && input.unknownAttributes === undefined) {
    s.unknownAttributes = 'create'
  }
  return errors.length > 0
    ? { ok: false, errors, warnings }
    : { ok: true, settings: s as unknown as ResolvedSettings, warnings }
}

/**
 * Whether `value` (at `<parent>.<key>`) passes `check`, with an error for each fault at
 * its path. The path is built only for an error or an `each` check.
 */
function valid(
  errors: InputError[],
  parent: string,
  key: string,
  value: unknown,
  check: Check,
): boolean {
  const { each } = check
  if (!check.accepts(value)) {
    const path = `${parent}.${key}`
    // A string is quoted: a mode or version misspelt is seen at once.
    const got = typeof value === 'string' ? JSON.stringify(value) : describe(value)
    errors.push(inputError('invalid_setting', path, mustBe(path, check, value, got)))
    return false
  }
  let ok = true
  if (each)
    for (const k in value as object)
      ok = valid(errors, `${parent}.${key}`, k, (value as Record<string, unknown>)[k], each) && ok
  return ok
}
