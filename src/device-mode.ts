/**
 * What the two device-mode targets (web Messenger and mobile SDKs) share: the
 * warnings for values they cannot send.
 * @module
 */
import type { IntercomOptions, NormalizedGroup, NormalizedIdentify } from './normalize/model.js'
import type { Warning } from './types.js'
import { warn } from './warnings.js'

/** Why a call type is not sent by a device-mode target. */
export const NO_SCREEN = 'Intercom has no screen call on any target'
export const NO_ALIAS = 'Intercom has no alias call on any target'

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
 */
export function warnDeviceRecorded(
  m: NormalizedIdentify | NormalizedGroup,
  now: number | undefined,
  target: string,
  warnings: Warning[],
): void {
  if (m.lastSeenPath !== undefined && m.lastSeenAt !== now) {
    const message = `${target} records last-seen itself; lastRequestAt is not sent`
    warn(warnings, 'unsupported_field', m.lastSeenPath, message)
  }
  if (m.type === 'identify') {
    if (m.ip !== undefined) {
      const message = `${target} records the device's own IP address; not sent`
      warn(warnings, 'unsupported_field', 'context.ip', message)
    }
    if (m.userAgent !== undefined) {
      const message = `${target} records the device's own user agent; not sent`
      warn(warnings, 'unsupported_field', 'context.userAgent', message)
    }
  }
}
