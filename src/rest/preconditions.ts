import { unsupportedType } from '../envelopes.js'
import { MAX_ACTIVE_EVENT_NAMES } from '../intercom/limits.js'
import { REST_OPTIONS } from '../intercom-options.js'
import type { NormalizedEvent } from '../normalize/model.js'
import type { Normalized } from '../normalize/normalize.js'
import { hasUser } from '../normalize/user.js'
import type { InputError, Invalid, Skipped, Warning } from '../types.js'
import { SENT_NOWHERE, warnUnsentOptions } from '../unsent.js'
import { inputError, warn } from '../warnings.js'
import { exceedsEventNameLimit } from './event-names.js'

const UNSUPPORTED: Record<string, string> = {
  page: 'Intercom REST has no page call; the Messenger target sends it (toMessenger)',
  ...SENT_NOWHERE,
  reset: 'reset is a device-mode call; the Messenger and mobile targets send it',
}

/**
 * What makes an event impossible to send over REST, each independently (with the event's
 * own errors, every one is reported at once): an identify or track without a userId or
 * email; a track without a time (no valid `timestamp`, no `options.now`).
 */
export function restInputErrors(m: NormalizedEvent): InputError[] {
  const errors: InputError[] = []
  if ((m.type === 'identify' || m.type === 'track') && !hasUser(m.user)) {
    const message =
      m.type === 'identify'
        ? 'An identify needs a userId or an email (traits.email); Intercom users cannot be anonymous and leads are not created'
        : 'A track needs the userId or email of an existing Intercom user'
    errors.push(inputError('missing_identity', 'userId', message))
  }
  if (m.type === 'track' && m.createdAt === undefined) {
    const message =
      'Intercom requires the event time: give the event a timestamp or pass options.now'
    errors.push(inputError('missing_timestamp', 'timestamp', message))
  }
  return errors
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
  if (why !== undefined) return unsupportedType(why, warnings)
  const noUser = !hasUser(m.user)
  // restInputErrors already made an identify or track without a user or time invalid.
  if (m.type === 'track') {
    if (exceedsEventNameLimit(n.knownEventNames, m.eventName)) {
      return {
        status: 'skipped',
        reason: 'event_name_limit',
        message: `The workspace already has ${MAX_ACTIVE_EVENT_NAMES} active event names and "${m.eventName}" is not one of them`,
        warnings,
      }
    }
  }
  // Every other type returned above as unsupported.
  if (m.type === 'identify' || m.type === 'track' || m.type === 'group') {
    warnUnsentOptions(m, REST_OPTIONS[m.type], warnings)
  }
  // REST sets last-seen only from a time it is given; the device SDKs record their own.
  if (
    (m.type === 'identify' || (m.type === 'group' && !noUser)) &&
    m.active &&
    m.lastSeenAt === undefined
  ) {
    const message = 'No timestamp and no options.now: last-seen is not updated'
    warn(warnings, 'no_last_seen', 'timestamp', message)
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
