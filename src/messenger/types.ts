/**
 * Types of the web Messenger target: what `window.Intercom(...)` is called with.
 * @module
 */
import type { AttributeValue, Metadata } from '../normalize/model.js'
import type { DeviceCall, DeviceMapping, MapOptions } from '../types.js'

/** Intercom's avatar object for the Messenger settings. */
export interface MessengerAvatar {
  type: 'avatar'
  /** URL of the image. */
  image_url: string
}

/**
 * A company in the Messenger settings (`company` or an entry of `companies`).
 * Custom company attributes sit at the top level next to the standard keys.
 */
export interface MessengerCompany {
  /** Your id for the company (a group's `groupId`). */
  company_id: string
  name?: string
  /** Unix seconds. */
  created_at?: number
  plan?: string
  /** Integer. */
  monthly_spend?: number
  size?: number
  website?: string
  industry?: string
  /** Custom company attributes. */
  [customAttribute: string]: AttributeValue | undefined
}

/**
 * The settings object of `Intercom('boot', …)` and `Intercom('update', …)`
 * (the `intercomSettings` of Intercom's JavaScript API). Any key that is not one of
 * Intercom's is a custom user attribute.
 */
export interface MessengerSettings {
  /** Your Intercom App ID (`settings.appId`). */
  app_id?: string
  /** Regional Messenger API host: `https://api-iam.eu.intercom.io` or `https://api-iam.au.intercom.io`. */
  api_base?: string
  /** CSS selector of your own launcher (`settings.customInboxButtonSelector`). */
  custom_launcher_selector?: string
  /** Hide Intercom's default launcher (the `hideDefaultLauncher` Intercom option). */
  hide_default_launcher?: boolean
  user_id?: string
  email?: string
  name?: string
  phone?: string
  /** Sign-up time, unix seconds. */
  created_at?: number
  /** Identity verification: lowercase hex HMAC-SHA256 of the user id. */
  user_hash?: string
  /** Messenger security: an HS256 JWT carrying the `user_id`. */
  intercom_user_jwt?: string
  unsubscribed_from_emails?: boolean
  language_override?: string
  avatar?: MessengerAvatar
  /** The user's company, when there is one. */
  company?: MessengerCompany
  /** The user's companies, when there are several. */
  companies?: MessengerCompany[]
  /** Custom user attributes. */
  [customAttribute: string]:
    | AttributeValue
    | MessengerAvatar
    | MessengerCompany
    | MessengerCompany[]
    | undefined
}

/** The settings of `Intercom('boot', …)`: `app_id` is required. */
export interface MessengerBootSettings extends MessengerSettings {
  app_id: string
}

/** `Intercom('boot', settings)`: start a Messenger session. */
export interface MessengerBootCall extends DeviceCall<'boot', [settings: MessengerBootSettings]> {}

/** `Intercom('update', settings)`: update the session's user and look for new messages. */
export interface MessengerUpdateCall extends DeviceCall<'update', [settings: MessengerSettings]> {}

/** `Intercom('trackEvent', name, metadata?)`: record an event for the current user. */
export interface MessengerTrackEventCall
  extends DeviceCall<'trackEvent', [eventName: string, metadata?: Metadata]> {}

/** `Intercom('shutdown')`: end the session and clear the Messenger's data in the browser. */
export interface MessengerShutdownCall extends DeviceCall<'shutdown', []> {}

/**
 * One call to the Messenger, discriminated on `method`; apply it with
 * `window.Intercom(call.method, ...call.args)` or {@link applyMessengerCalls}. With
 * `@intercom/messenger-js-sdk`, narrow on `method` and spread `args` into the SDK's
 * function of that name (`boot(...call.args)`), or pass the SDK's module to
 * {@link applyMessengerCalls}.
 */
export type MessengerCall =
  | MessengerBootCall
  | MessengerUpdateCall
  | MessengerTrackEventCall
  | MessengerShutdownCall

/** A Messenger method name. */
export type MessengerMethod = MessengerCall['method']

/** Options of {@link toMessenger}. */
export interface MessengerOptions extends MapOptions {
  /**
   * Whether this page already booted the Messenger. When not `true`, `page`,
   * `identify` and `group` boot it (`boot`), otherwise they `update` it.
   * {@link createMessengerSession} tracks it for you.
   */
  booted?: boolean
}

/** What {@link toMessenger} returns. */
export type MessengerMapping = DeviceMapping<MessengerCall>

/**
 * The `window.Intercom` function as this library calls it. Any function that takes
 * a method name and its arguments fits, e.g. `(...args: any[]) => void`.
 */
export interface IntercomMessenger {
  (method: 'boot', settings: MessengerBootSettings): unknown
  (method: 'update', settings?: MessengerSettings): unknown
  (method: 'trackEvent', eventName: string, metadata?: Metadata): unknown
  (method: 'shutdown'): unknown
}

/**
 * The Messenger's methods as one function each, as `@intercom/messenger-js-sdk`
 * exports them: `import * as Intercom from '@intercom/messenger-js-sdk'` fits, and so
 * does any object with these functions. Each call `{ method, args }` becomes
 * `methods[method](...args)`.
 */
export interface IntercomMessengerMethods {
  boot: (settings: MessengerBootSettings) => unknown
  update: (settings: MessengerSettings) => unknown
  trackEvent: (eventName: string, metadata?: Metadata) => unknown
  shutdown: () => unknown
}
