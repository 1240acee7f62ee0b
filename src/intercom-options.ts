/**
 * Which Intercom options (`integrations.Intercom` / `context.Intercom`: `userHash`,
 * `userJwt`, `hideDefaultLauncher`, `unsubscribedFromEmails`, `languageOverride`) each
 * target sends, per call type: the one table the "not sent" warnings derive from (and,
 * for the Messenger, what its settings object carries).
 *
 * Each entry says which options the call does NOT send and why: one reason, when the
 * call sends none, else each unsent option with its reason; every option not listed is
 * sent. One `export const` per target, so a target's bundle carries only its own row.
 * Call types a target skips entirely (`unsupported_type`) have no entry: nothing is
 * warned about their options.
 * @module
 */
import type { IntercomOptions } from './normalize/model.js'

/**
 * The options one call does not send: a reason (the call sends no option), or each
 * unsent option with its reason.
 */
export type UnsentOptions = string | Readonly<Partial<Record<keyof IntercomOptions, string>>>

const GROUP = 'a group sends the company and the user identity only'
const NO_USER = 'this call boots or updates the Messenger without a user'
/** A boot or update without the user: only the widget option applies. */
const WITHOUT_USER = {
  userHash: NO_USER,
  userJwt: NO_USER,
  unsubscribedFromEmails: NO_USER,
  languageOverride: NO_USER,
} as const

/**
 * The web Messenger. The widget option (`hide_default_launcher`) rides on every `boot`
 * and `update`, the identity verification (`user_hash`, `intercom_user_jwt`) with the
 * user, and the user's settings (`unsubscribed_from_emails`, `language_override`) with an
 * identify only. `group` has three cases: with a user, without one, and nothing to send
 * (booted, no attachable company).
 */
export const MESSENGER_OPTIONS = {
  page: WITHOUT_USER,
  identify: {},
  group: { unsubscribedFromEmails: GROUP, languageOverride: GROUP },
  groupWithoutUser: WITHOUT_USER,
  groupNothingSent: 'nothing is sent for this group',
  track: 'trackEvent takes an event name and metadata only',
  reset: WITHOUT_USER,
} as const satisfies Record<string, UnsentOptions>

const MOBILE_JWT = 'the mobile target verifies identity with setUserHash (user_hash) only'
const MOBILE_LAUNCHER =
  'it is a web Messenger setting (mobile apps call Intercom.setLauncherVisibility)'

/**
 * The mobile SDKs. `identify` sends `userHash` (`setUserHash`, before the login),
 * `languageOverride` and `unsubscribedFromEmails` (`updateUser`).
 */
export const MOBILE_OPTIONS = {
  identify: { userJwt: MOBILE_JWT, hideDefaultLauncher: MOBILE_LAUNCHER },
  identifyUnidentified: {
    userHash: 'an unidentified user (no userId or email) has no identity to verify',
    userJwt: MOBILE_JWT,
    hideDefaultLauncher: MOBILE_LAUNCHER,
  },
  track: 'logEvent takes an event name and metadata only',
  group: 'a group only adds a company to the logged-in user',
  reset: 'reset logs the user out',
} as const satisfies Record<string, UnsentOptions>

const REST_VERIFY = 'identity verification is for the Messenger and mobile SDKs'
const REST_LAUNCHER = 'it is a Messenger setting'
const REST_LANGUAGE = 'the REST API cannot set language_override'
/** A track or group: no option (only an identify updates the user). */
const REST_NOT_IDENTIFY = {
  userHash: REST_VERIFY,
  userJwt: REST_VERIFY,
  hideDefaultLauncher: REST_LAUNCHER,
  unsubscribedFromEmails: 'over REST only an identify updates the user',
  languageOverride: REST_LANGUAGE,
} as const

/** REST (2.x and 1.4). Only `identify` sends an option: `unsubscribed_from_emails`. */
export const REST_OPTIONS = {
  identify: {
    userHash: REST_VERIFY,
    userJwt: REST_VERIFY,
    hideDefaultLauncher: REST_LAUNCHER,
    languageOverride: REST_LANGUAGE,
  },
  track: REST_NOT_IDENTIFY,
  group: REST_NOT_IDENTIFY,
} as const satisfies Record<string, UnsentOptions>
