/**
 * Which Intercom options (`integrations.Intercom` / `context.Intercom`: `userHash`,
 * `userJwt`, `hideDefaultLauncher`, `unsubscribedFromEmails`, `languageOverride`) each
 * target sends, per call type: the one table the "not sent" warnings derive from.
 *
 * Each entry lists the options the call does NOT send, each with the reason its
 * warning gives; every option not listed is sent. One `export const` per target, so
 * a target's bundle carries only its own row. Call types a target skips entirely
 * (`unsupported_type`) have no entry: nothing is warned about their options.
 * @module
 */
import type { IntercomOptions } from './normalize/model.js'

/** The options one call does not send, each with why. */
export type UnsentOptions = Readonly<Partial<Record<keyof IntercomOptions, string>>>

const PAGE = 'a page boots or updates the Messenger with app_id and the widget options only'
const GROUP = 'a group sends the company and the user identity only'
const GROUP_NO_USER = 'a group without a userId or email sends the company only'
const GROUP_NOTHING = 'nothing is sent for this group'
const TRACK = 'trackEvent takes an event name and metadata only'
const RESET = 'after reset the Messenger boots a fresh anonymous session'

/**
 * The web Messenger. `identify` sends every option (`hide_default_launcher` with the
 * widget options, `user_hash`/`intercom_user_jwt` with the user,
 * `unsubscribed_from_emails`, `language_override`); `group` has three cases: with a
 * user, without one, and nothing to send (booted, no attachable company).
 */
export const MESSENGER_OPTIONS = {
  page: { userHash: PAGE, userJwt: PAGE, unsubscribedFromEmails: PAGE, languageOverride: PAGE },
  identify: {},
  group: { unsubscribedFromEmails: GROUP, languageOverride: GROUP },
  groupWithoutUser: {
    userHash: GROUP_NO_USER,
    userJwt: GROUP_NO_USER,
    unsubscribedFromEmails: GROUP_NO_USER,
    languageOverride: GROUP_NO_USER,
  },
  groupNothingSent: {
    userHash: GROUP_NOTHING,
    userJwt: GROUP_NOTHING,
    hideDefaultLauncher: GROUP_NOTHING,
    unsubscribedFromEmails: GROUP_NOTHING,
    languageOverride: GROUP_NOTHING,
  },
  track: {
    userHash: TRACK,
    userJwt: TRACK,
    hideDefaultLauncher: TRACK,
    unsubscribedFromEmails: TRACK,
    languageOverride: TRACK,
  },
  reset: {
    userHash: RESET,
    userJwt: RESET,
    unsubscribedFromEmails: RESET,
    languageOverride: RESET,
  },
} as const satisfies Record<string, UnsentOptions>

const LOG_EVENT = 'logEvent takes an event name and metadata only'
const MOBILE_GROUP = 'a group only adds a company to the logged-in user'
const LOGOUT = 'reset logs the user out'
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
  track: {
    userHash: LOG_EVENT,
    userJwt: LOG_EVENT,
    hideDefaultLauncher: LOG_EVENT,
    unsubscribedFromEmails: LOG_EVENT,
    languageOverride: LOG_EVENT,
  },
  group: {
    userHash: MOBILE_GROUP,
    userJwt: MOBILE_GROUP,
    hideDefaultLauncher: MOBILE_GROUP,
    unsubscribedFromEmails: MOBILE_GROUP,
    languageOverride: MOBILE_GROUP,
  },
  reset: {
    userHash: LOGOUT,
    userJwt: LOGOUT,
    hideDefaultLauncher: LOGOUT,
    unsubscribedFromEmails: LOGOUT,
    languageOverride: LOGOUT,
  },
} as const satisfies Record<string, UnsentOptions>

// Written out, not spread from a shared row: an object spread is not tree-shakable, and
// this table must not reach the Messenger's bundle.
const REST_VERIFY = 'over REST: identity verification applies to the Messenger and mobile SDKs'
const REST_LAUNCHER = 'over REST: it is a Messenger setting'
const REST_LANGUAGE = 'over REST: the REST API cannot set language_override'

/** REST (2.x and 1.4). Only `identify` sends an option: `unsubscribed_from_emails`. */
export const REST_OPTIONS = {
  identify: {
    userHash: REST_VERIFY,
    userJwt: REST_VERIFY,
    hideDefaultLauncher: REST_LAUNCHER,
    languageOverride: REST_LANGUAGE,
  },
  track: {
    userHash: REST_VERIFY,
    userJwt: REST_VERIFY,
    hideDefaultLauncher: REST_LAUNCHER,
    unsubscribedFromEmails: 'over REST only an identify updates the user, not a track',
    languageOverride: REST_LANGUAGE,
  },
  group: {
    userHash: REST_VERIFY,
    userJwt: REST_VERIFY,
    hideDefaultLauncher: REST_LAUNCHER,
    unsubscribedFromEmails: 'over REST only an identify updates the user, not a group',
    languageOverride: REST_LANGUAGE,
  },
} as const satisfies Record<string, UnsentOptions>
