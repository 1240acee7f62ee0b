/**
 * What the two device-mode targets (web Messenger and mobile SDKs) share: the
 * warnings for what the device records by itself.
 * @module
 */
import type { NormalizedGroup, NormalizedIdentify, NormalizedTrack } from './normalize/model.js'
import type { Warning } from './types.js'
import { warn } from './warnings.js'

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

/**
 * A track's `properties.email` that is its identity (no `userId`) is not in the metadata:
 * REST sends it as the event's `email`, but a device's track call is the logged-in user's
 * and carries no identity, so there it is not sent at all.
 */
export function warnIdentityEmail(m: NormalizedTrack, warnings: Warning[]): void {
  if (m.identityEmailPath === undefined) return
  const message =
    "The track's identity (no userId); a device's track call is the logged-in user's and carries none: not sent"
  warn(warnings, 'unsupported_field', m.identityEmailPath, message)
}
