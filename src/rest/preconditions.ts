import type { InputErrorCode } from '../codes.js'
import { MAX_ACTIVE_EVENT_NAMES } from '../intercom/limits.js'
import type { NormalizedEvent } from '../normalize/model.js'
import type { Normalized } from '../normalize/normalize.js'
import type { Invalid, Skipped, Warning } from '../types.js'
import { NO_ALIAS, NO_SCREEN, warnUnsentOptions } from '../unsent.js'
import { inputError, warn } from '../warnings.js'
import { exceedsEventNameLimit } from './event-names.js'

const UNSUPPORTED: Record<string, string> = {
  page: 'Intercom REST has no page call; the Messenger target sends it (toMessenger)',
  screen: NO_SCREEN,
  alias: NO_ALIAS,
  reset: 'reset is a device-mode call; the Messenger and mobile targets send it',
}

/**
 * Checks that a normalized event can go to the REST API at all: a supported type,
 * a user for identify/track, an event time, room for the event name. Returns the
 * skip or invalid result, or `undefined` to go on. Warns (into `warnings`) about the
 * Intercom options REST cannot send.
 */
export function restPreconditions(
  n: Normalized,
  warnings: Warning[],
): Skipped | Invalid | undefined {
  const m: NormalizedEvent = n.event
  const why = UNSUPPORTED[m.type]
  if (why !== undefined)
    return { status: 'skipped', reason: 'unsupported_type', message: why, warnings }
  const noUser = m.user.userId === undefined && m.user.email === undefined
  if (m.type === 'identify' && noUser) {
    return invalid(
      'missing_identity',
      'userId',
      'An identify needs a userId or an email (traits.email); Intercom users cannot be anonymous and leads are not created',
      warnings,
    )
  }
  if (m.type === 'track') {
    if (noUser) {
      return invalid(
        'missing_identity',
        'userId',
        'A track needs the userId or email of an existing Intercom user',
        warnings,
      )
    }
    if (m.createdAt === undefined) {
      return invalid(
        'missing_timestamp',
        'timestamp',
        'Intercom requires the event time: give the event a timestamp or pass options.now',
        warnings,
      )
    }
    if (exceedsEventNameLimit(n.knownEventNames, m.eventName)) {
      return {
        status: 'skipped',
        reason: 'event_name_limit',
        message: `The workspace already has ${MAX_ACTIVE_EVENT_NAMES} active event names and "${m.eventName}" is not one of them`,
        warnings,
      }
    }
  }
  const verification = 'over REST: identity verification applies to the Messenger and mobile SDKs'
  warnUnsentOptions(m, ['userHash', 'userJwt'], verification, warnings)
  warnUnsentOptions(m, ['hideDefaultLauncher'], 'over REST: it is a Messenger setting', warnings)
  const language = 'over REST: the REST API cannot set language_override'
  warnUnsentOptions(m, ['languageOverride'], language, warnings)
  // REST sets last-seen only from a time it is given; the device SDKs record their own.
  if (
    (m.type === 'identify' || (m.type === 'group' && !noUser)) &&
    m.active &&
    m.lastSeenAt === undefined
  ) {
    const message = 'No timestamp and no options.now: last-seen is not updated'
    warn(warnings, 'no_last_seen', 'timestamp', message)
  }
  if (m.type !== 'identify') {
    const reason = `over REST only an identify updates the user, not a ${m.type}`
    warnUnsentOptions(m, ['unsubscribedFromEmails'], reason, warnings)
  }
  if (m.type === 'group' && noUser) {
    warn(
      warnings,
      'no_user',
      'userId',
      'No userId or email: the company is saved but no user is attached (Intercom shows a company once it has a user)',
    )
  }
  return undefined
}

function invalid(
  code: InputErrorCode,
  path: string,
  message: string,
  warnings: Warning[],
): Invalid {
  return { status: 'invalid', errors: [inputError(code, path, message)], warnings }
}
