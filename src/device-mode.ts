/**
 * What the two device-mode targets (web Messenger and mobile SDKs) share: a device
 * acts for the one user logged in on it, records that device's own activity itself,
 * and can attach that user to companies but not detach them. The targets pass their
 * own name (`the Messenger`, `the mobile SDK`) and their row of `intercom-options.ts`,
 * so neither one's code reaches the other's bundle.
 * @module
 */
import { hasKeys } from './_lib/is-record.js'
import { mapped } from './envelopes.js'
import type { UnsentOptions } from './intercom-options.js'
import type {
  Metadata,
  NormalizedCompany,
  NormalizedGroup,
  NormalizedIdentify,
  NormalizedTrack,
} from './normalize/model.js'
import type { DeviceCall, Mapped, Warning } from './types.js'
import { notSent, warnUnsentOptions } from './unsent.js'

/** A device target's mapped result: its calls, in order. */
export function mappedCalls<C extends DeviceCall>(
  calls: C[],
  warnings: Warning[],
): Mapped<{ calls: C[] }> {
  return mapped({ calls }, warnings)
}

/**
 * The arguments of a device's track call (`trackEvent` / `logEvent`): the event name,
 * and the metadata when there is any. The call is the logged-in user's, so it carries
 * no identity: a track's identity email (no `userId`) is warned, not sent, and so is
 * every option `unsent` lists.
 */
export function trackArgs(
  m: NormalizedTrack,
  unsent: UnsentOptions,
  warnings: Warning[],
): [eventName: string, metadata?: Metadata] {
  warnUnsentOptions(m, unsent, warnings)
  if (m.identityEmailPath !== undefined) {
    notSent(warnings, m.identityEmailPath, "a device's track call carries no identity")
  }
  return hasKeys(m.metadata) ? [m.eventName, m.metadata] : [m.eventName]
}

/**
 * Warns about what a device target does not send of an identify or group: the
 * last-seen time given as `lastRequestAt`, `context.ip` and `context.userAgent` (the
 * SDK records the device's own), and the owner (only REST 2.x sets it). A last-seen
 * equal to "now" is what the SDK records anyway, so it is not warned.
 */
export function warnDeviceUnsent(
  m: NormalizedIdentify | NormalizedGroup,
  now: number | undefined,
  target: string,
  warnings: Warning[],
): void {
  const recorded = (path: string) => notSent(warnings, path, `${target} records it from the device`)
  if (m.lastSeenPath !== undefined && m.lastSeenAt !== now) recorded(m.lastSeenPath)
  if (m.type === 'identify') {
    if (m.ip !== undefined) recorded('context.ip')
    if (m.userAgent !== undefined) recorded('context.userAgent')
    if (m.ownerPath !== undefined) {
      notSent(warnings, m.ownerPath, `${target} cannot set the owner (REST 2.x can)`)
    }
  }
}

/**
 * Whether a company can be sent by a device target: a `remove: true` company cannot
 * (warned), since the SDKs only attach companies and sending it would attach the user.
 */
export function attachable(c: NormalizedCompany, target: string, warnings: Warning[]): boolean {
  if (c.remove)
    notSent(warnings, c.path, `${target} cannot detach a user from a company (REST can)`)
  return !c.remove
}
