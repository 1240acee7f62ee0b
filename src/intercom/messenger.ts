/**
 * Facts of Intercom's web Messenger (`window.Intercom`): its regional hosts, its
 * default launcher, the settings key of each Intercom option, and the settings keys it
 * reads as its own. Only the Messenger
 * target (and the settings defaults) import this.
 * @module
 */
import type { IntercomOptions } from '../normalize/model.js'
import type { Region } from '../settings/types.js'

/**
 * The Messenger's `api_base` per region (Intercom's Messenger installation docs). The
 * US host is the Messenger's own default, so it is `undefined`: not sent.
 */
export const MESSENGER_API_BASE: Readonly<Record<Region, string | undefined>> = {
  us: undefined,
  eu: 'https://api-iam.eu.intercom.io',
  au: 'https://api-iam.au.intercom.io',
}

/** The Messenger settings key of each Intercom option (Intercom's Messenger settings reference). */
export const MESSENGER_OPTION_KEYS: Readonly<Record<keyof IntercomOptions, string>> = {
  userHash: 'user_hash',
  userJwt: 'intercom_user_jwt',
  hideDefaultLauncher: 'hide_default_launcher',
  unsubscribedFromEmails: 'unsubscribed_from_emails',
  languageOverride: 'language_override',
}

/** The launcher selector the Messenger uses when none is configured (Segment's default). */
export const DEFAULT_LAUNCHER_SELECTOR = '#IntercomDefaultWidget'

/**
 * Top-level keys the Messenger reads as its own settings or user data (Intercom's
 * Messenger settings reference) that are not also fields of Intercom's contact: a
 * custom attribute with one of these names would change the Messenger, not add an
 * attribute. The keys that are contact fields too (`email`, `name`, `phone`,
 * `created_at`, `avatar`, `companies`, `unsubscribed_from_emails`,
 * `language_override`) never reach a custom attribute: normalize refuses every
 * contact field name (`reserved_name`), for all targets, as it refuses every company
 * field name, which covers all the keys of the Messenger's company object.
 * (`utm_*` and `page_title` are user attributes with the same meaning: not reserved.)
 */
export const MESSENGER_USER_KEYS: ReadonlySet<string> = new Set([
  'app_id',
  'api_base',
  'custom_launcher_selector',
  'hide_default_launcher',
  'alignment',
  'horizontal_padding',
  'vertical_padding',
  'action_color',
  'background_color',
  'session_duration',
  'z_index',
  'installation_type',
  'user_id',
  'last_request_at',
  'user_hash',
  'intercom_user_jwt',
  'company',
])
