import { isRecord } from '../_lib/is-record.js'
import { keyIgnoringCase } from '../_lib/key-lookup.js'
import { BOOLEAN, type Check, mustBe, NON_EMPTY, OBJECT } from '../checks.js'
import { warn } from '../warnings.js'
import type { NormalizeContext } from './context.js'
import { firstSpelling } from './first-spelling.js'
import type { IntercomOptions } from './model.js'

/** `obj.Intercom`, with the key matched case-insensitively (iOS sends `intercom`). */
export function intercomEntry(
  obj: Record<string, unknown> | undefined,
): { key: string; value: unknown } | undefined {
  const key = obj && keyIgnoringCase(obj, 'Intercom')
  return key === undefined ? undefined : { key, value: obj?.[key] }
}

/**
 * Whether the `integrations` object disables Intercom for this event:
 * `Intercom: false`, or `All: false` unless `Intercom` is `true` or an options object.
 */
export function isDisabled(integrations: Record<string, unknown> | undefined): boolean {
  const v = intercomEntry(integrations)?.value
  return v === false || (v !== true && !isRecord(v) && integrations?.All === false)
}

/**
 * Each option: its name (one of its spellings), the check of its value, and the other
 * spellings the Segment libraries use (web, server, iOS, Android). `createdAt` is
 * analytics-android's sign-up time, of any kind here: an identify reads it as a date.
 */
const OPTIONS: [
  name: keyof IntercomOptions | 'createdAt',
  check: Check | undefined,
  ...spellings: string[],
][] = [
  ['userHash', NON_EMPTY, 'user_hash'],
  ['userJwt', NON_EMPTY, 'intercom_user_jwt', 'intercomUserJwt'],
  ['hideDefaultLauncher', BOOLEAN, 'hide_default_launcher'],
  ['unsubscribedFromEmails', BOOLEAN, 'unsubscribed_from_emails', 'unsubscribed'],
  ['languageOverride', NON_EMPTY, 'language_override'],
  ['createdAt', undefined, 'created_at'],
]

/** Each spelling → its option and check. */
const SPELLINGS = new Map(
  OPTIONS.flatMap(([name, check, ...spellings]) =>
    [name, ...spellings].map((s) => [s, [name, check]] as const),
  ),
)

const NO_OPTIONS: ReadOptions = Object.freeze({
  options: Object.freeze({}),
  optionPaths: Object.freeze({}),
})

/** Intercom options plus analytics-android's `createdAt` (the sign-up time), as `[path, value]`. */
export interface ReadOptions {
  options: IntercomOptions
  optionPaths: Partial<Record<keyof IntercomOptions, string>>
  signedUp?: readonly [string, unknown]
}

/**
 * Reads the Intercom options from `integrations.Intercom` and `context.Intercom`
 * (key case-insensitive; `integrations` wins when both set one option). Unknown
 * keys and wrongly typed values are warned. `createdAt` (analytics-android's Intercom
 * integration reads the sign-up time there) is returned as given, for an identify
 * to read as a date.
 */
export function readIntercomOptions(
  integrations: Record<string, unknown> | undefined,
  context: Record<string, unknown> | undefined,
  ctx: NormalizeContext,
): ReadOptions {
  const fromIntegrations = intercomEntry(integrations)
  const fromContext = intercomEntry(context)
  // Most events carry no Intercom options: they share one frozen result.
  if (fromIntegrations === undefined && fromContext === undefined) return NO_OPTIONS
  const { warnings } = ctx
  const found: ReadOptions = { options: {}, optionPaths: {} }
  /** Where each option (and `createdAt`) was read, for the first-spelling rule. */
  const paths: Record<string, string> = {}
  for (const [parent, obj, entry] of [
    ['integrations', integrations, fromIntegrations],
    ['context', context, fromContext],
  ] as const) {
    if (entry === undefined) continue
    const path = `${parent}.${entry.key}`
    const source = entry.value
    if (isRecord(source)) {
      for (const key in source) {
        const value = source[key]
        const p = `${path}.${key}`
        const [name, check] = SPELLINGS.get(key) ?? []
        if (value === undefined) continue
        if (name === undefined) {
          warn(warnings, 'unknown_option', p, `Unknown Intercom option "${key}"; ignored`)
        } else if (check && !check.accepts(value)) {
          warn(warnings, 'dropped_value', p, `${mustBe(`"${key}"`, check, value)}; ignored`)
        } else if (firstSpelling(paths, name, p, warnings)) {
          if (name === 'createdAt') found.signedUp = [p, value]
          else {
            ;(found.options as Record<string, unknown>)[name] = value
            found.optionPaths[name] = p
          }
        }
      }
    } else if (typeof source !== 'boolean' || parent !== 'integrations') {
      // (A boolean `integrations.Intercom` is the enablement flag, not options.)
      warn(
        warnings,
        'dropped_value',
        path,
        `${mustBe('Intercom options', OBJECT, source)}; ignored`,
      )
    }
    // `Intercom` and `intercom` both present: only the first is read.
    for (const key in obj) {
      if (key !== entry.key && /^intercom$/i.test(key)) {
        warn(warnings, 'superseded', `${parent}.${key}`, `"${path}" is read instead; ignored`)
      }
    }
  }
  return found
}
