import { describe } from '../_lib/describe.js'
import { isRecord } from '../_lib/is-record.js'
import { keyIgnoringCase } from '../_lib/key-lookup.js'
import { joinPath, warn } from '../warnings.js'
import type { NormalizeContext } from './context.js'
import { firstSpelling } from './first-spelling.js'
import type { IntercomOptions } from './model.js'

/** `obj.Intercom`, with the key matched case-insensitively (iOS sends `intercom`). */
export function intercomEntry(
  obj: Record<string, unknown> | undefined,
): { key: string; value: unknown } | undefined {
  if (obj === undefined) return undefined
  const key = keyIgnoringCase(obj, 'Intercom')
  return key === undefined ? undefined : { key, value: obj[key] }
}

/**
 * Whether the `integrations` object disables Intercom for this event:
 * `Intercom: false`, or `All: false` unless `Intercom` is `true` or an options object.
 */
export function isDisabled(integrations: Record<string, unknown> | undefined): boolean {
  if (integrations === undefined) return false
  const entry = intercomEntry(integrations)
  if (entry !== undefined) {
    if (entry.value === false) return true
    if (entry.value === true || isRecord(entry.value)) return false
  }
  return integrations.All === false
}

type OptionKind = 'string' | 'boolean'
/** Each spelling the Segment libraries use (web, server, iOS, Android) → one option. */
const SPELLINGS: Record<string, [keyof IntercomOptions, OptionKind]> = {
  user_hash: ['userHash', 'string'],
  userHash: ['userHash', 'string'],
  intercom_user_jwt: ['userJwt', 'string'],
  intercomUserJwt: ['userJwt', 'string'],
  userJwt: ['userJwt', 'string'],
  hideDefaultLauncher: ['hideDefaultLauncher', 'boolean'],
  hide_default_launcher: ['hideDefaultLauncher', 'boolean'],
  unsubscribedFromEmails: ['unsubscribedFromEmails', 'boolean'],
  unsubscribed_from_emails: ['unsubscribedFromEmails', 'boolean'],
  unsubscribed: ['unsubscribedFromEmails', 'boolean'],
  languageOverride: ['languageOverride', 'string'],
  language_override: ['languageOverride', 'string'],
}

/** Intercom options plus analytics-android's `createdAt` (the sign-up time), as `[path, value]`. */
export interface ReadOptions {
  options: IntercomOptions
  optionPaths: OptionPaths
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
  // Most events carry no Intercom options: share one empty, frozen result.
  if (fromIntegrations === undefined && fromContext === undefined) return NO_OPTIONS
  const found: ReadOptions = { options: {}, optionPaths: {} }
  if (fromIntegrations !== undefined) {
    read(fromIntegrations.value, `integrations.${fromIntegrations.key}`, found, ctx)
    warnOtherSpellings(integrations, fromIntegrations.key, 'integrations', ctx)
  }
  if (fromContext !== undefined) {
    read(fromContext.value, `context.${fromContext.key}`, found, ctx)
    warnOtherSpellings(context, fromContext.key, 'context', ctx)
  }
  return found
}

/** `Intercom` and `intercom` both present: only the first is read, the other is warned. */
function warnOtherSpellings(
  obj: Record<string, unknown> | undefined,
  used: string,
  parent: string,
  ctx: NormalizeContext,
) {
  for (const key in obj) {
    if (key !== used && key.length === 8 && key.toLowerCase() === 'intercom') {
      warn(
        ctx.warnings,
        'superseded',
        `${parent}.${key}`,
        `"${parent}.${used}" is read instead; ignored`,
      )
    }
  }
}

type OptionPaths = Partial<Record<keyof IntercomOptions, string>>

const NO_OPTIONS: ReadOptions = Object.freeze({
  options: Object.freeze({}),
  optionPaths: Object.freeze({}),
})

function read(source: unknown, path: string, found: ReadOptions, ctx: NormalizeContext) {
  const { options, optionPaths } = found
  if (typeof source === 'boolean' && path.startsWith('integrations')) return // enablement flag
  if (!isRecord(source)) {
    warn(
      ctx.warnings,
      'dropped_value',
      path,
      `Intercom options must be an object, got ${describe(source)}; ignored`,
    )
    return
  }
  for (const key in source) {
    const value = source[key]
    if (value === undefined) continue
    const p = joinPath(path, key)
    if (key === 'createdAt' || key === 'created_at') {
      // The first read wins (integrations before context), as for every option.
      if (found.signedUp === undefined) found.signedUp = [p, value]
      else warn(ctx.warnings, 'superseded', p, `"${found.signedUp[0]}" is used; ignored`)
      continue
    }
    const spec = Object.hasOwn(SPELLINGS, key) ? SPELLINGS[key] : undefined
    if (spec === undefined) {
      warn(ctx.warnings, 'unknown_option', p, `Unknown Intercom option "${key}"; ignored`)
      continue
    }
    const [name, kind] = spec
    if (typeof value !== kind || (kind === 'string' && value === '')) {
      warn(
        ctx.warnings,
        'dropped_value',
        p,
        `"${key}" must be a ${kind === 'string' ? 'non-empty string' : kind}, got ${describe(value)}; ignored`,
      )
      continue
    }
    if (!firstSpelling(optionPaths, name, p, ctx.warnings)) continue
    ;(options as Record<string, unknown>)[name] = value
  }
}
