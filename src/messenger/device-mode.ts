/**
 * What the two device-mode targets (web Messenger and mobile SDKs) share: the
 * warnings for values they cannot send, and a safe own-property write.
 * @module
 */
import { isRecord } from '../is-record.js'
import type { IntercomOptions, NormalizedGroup, NormalizedIdentify } from '../normalize/model.js'
import type { Warning } from '../types.js'
import { warn } from '../warnings.js'

/** Why a call type is not sent by a device-mode target. */
export const NO_SCREEN = 'Intercom has no screen call on any target'
export const NO_ALIAS = 'Intercom has no alias call on any target'

/**
 * Writes `obj[key] = value` as an own, enumerable property, even for `__proto__`
 * (a plain assignment would set the prototype and lose the value).
 */
export function setOwn(obj: object, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true })
  } else (obj as Record<string, unknown>)[key] = value
}

/** Whether `obj` has at least one own enumerable key. */
export function hasKeys(obj: object): boolean {
  for (const _ in obj) return true
  return false
}

/**
 * Warns (`unsupported_field`, at the option's own path) about each Intercom option
 * in `keys` that the event carries but this call does not send.
 */
export function warnUnsentOptions(
  m: { optionPaths: Partial<Record<keyof IntercomOptions, string>> },
  keys: readonly (keyof IntercomOptions)[],
  reason: string,
  warnings: Warning[],
): void {
  for (const key of keys) {
    const path = m.optionPaths[key]
    if (path !== undefined) warn(warnings, 'unsupported_field', path, `Not sent: ${reason}`)
  }
}

/**
 * normalize's warnings, less those that do not hold on a device target:
 * `no_last_seen` ("last-seen is not updated") — the SDKs record last-seen themselves.
 */
export function deviceWarnings(warnings: Warning[]): Warning[] {
  return warnings.filter((w) => w.code !== 'no_last_seen')
}

/** Every Intercom option, in a stable order. */
export const ALL_OPTIONS: readonly (keyof IntercomOptions)[] = [
  'userHash',
  'userJwt',
  'hideDefaultLauncher',
  'unsubscribedFromEmails',
  'languageOverride',
]

/**
 * Warns about what a device SDK records by itself from the device: the last-seen
 * time given as `lastRequestAt`, and `context.ip` / `context.userAgent`.
 * A last-seen equal to "now" is what the SDK records anyway, so it is not warned.
 *
 * @param event The raw input (already validated by normalize): the model does not
 *   say which spelling of `lastRequestAt` carried the value.
 */
export function warnDeviceRecorded(
  event: unknown,
  m: NormalizedIdentify | NormalizedGroup,
  now: number | undefined,
  target: string,
  warnings: Warning[],
): void {
  if (m.lastSeenAt !== undefined && m.lastSeenAt !== now) {
    const path = lastRequestAtPath(event, m.type)
    if (path !== undefined) {
      warn(
        warnings,
        'unsupported_field',
        path,
        `${target} records last-seen itself; lastRequestAt is not sent`,
      )
    }
  }
  if (m.type === 'identify') {
    if (m.ip !== undefined) {
      warn(
        warnings,
        'unsupported_field',
        'context.ip',
        `${target} records the device's own IP address; not sent`,
      )
    }
    if (m.userAgent !== undefined) {
      warn(
        warnings,
        'unsupported_field',
        'context.userAgent',
        `${target} records the device's own user agent; not sent`,
      )
    }
  }
}

function lastRequestAtPath(event: unknown, type: 'identify' | 'group'): string | undefined {
  if (!isRecord(event)) return undefined
  const traits = event.traits
  if (type === 'identify' && isRecord(traits)) {
    // The first spelling present wins, as in normalize.
    for (const key in traits) {
      if ((key === 'lastRequestAt' || key === 'last_request_at') && traits[key] !== undefined)
        return `traits.${key}`
    }
  }
  const context = event.context
  return isRecord(context) && context.lastRequestAt !== undefined
    ? 'context.lastRequestAt'
    : undefined
}
