/**
 * Types of the mobile target: calls of the Intercom mobile SDK, named and shaped as
 * in `@intercom/intercom-react-native` (the iOS and Android SDKs have the same calls).
 * @module
 */
import type { Attributes, Metadata } from '../normalize/model.js'
import type { DeviceCall, DeviceMapping } from '../types.js'

/**
 * A company as the SDK takes it (`UserAttributes.companies[]`). The SDKs' company
 * has no `size`, `website` or `industry`: they travel in `customAttributes`.
 */
export interface MobileCompany {
  /** Your id for the company (`company_id`; a group's `groupId`). */
  id: string
  name?: string
  /** Unix seconds. */
  createdAt?: number
  /** Integer. */
  monthlySpend?: number
  plan?: string
  customAttributes?: Attributes
}

/** The SDK's `UserAttributes`, as this library fills them. */
export interface MobileUserAttributes {
  userId?: string
  email?: string
  name?: string
  phone?: string
  languageOverride?: string
  /** Unix seconds. */
  signedUpAt?: number
  unsubscribedFromEmails?: boolean
  companies?: MobileCompany[]
  /** Custom attributes: string, number, boolean or `null` (which clears one). */
  customAttributes?: Attributes
}

/** `Intercom.setUserHash(hash)`: identity verification, before the login. */
export interface MobileSetUserHashCall extends DeviceCall<'setUserHash', [hash: string]> {}

/** `Intercom.loginUserWithUserAttributes({ userId, email })`: log an identified user in. */
export interface MobileLoginUserCall
  extends DeviceCall<'loginUserWithUserAttributes', [attributes: MobileUserAttributes]> {}

/** `Intercom.loginUnidentifiedUser()`: log in a user without userId or email. */
export interface MobileLoginUnidentifiedCall extends DeviceCall<'loginUnidentifiedUser', []> {}

/** `Intercom.updateUser(attributes)`: update the logged-in user. */
export interface MobileUpdateUserCall
  extends DeviceCall<'updateUser', [attributes: MobileUserAttributes]> {}

/** `Intercom.logEvent(name, metaData?)`: record an event for the logged-in user. */
export interface MobileLogEventCall
  extends DeviceCall<'logEvent', [eventName: string, metaData?: Metadata]> {}

/** `Intercom.logout()`: end the user's session and clear the SDK's local data. */
export interface MobileLogoutCall extends DeviceCall<'logout', []> {}

/**
 * One call of the Intercom mobile SDK, discriminated on `method`. With
 * `@intercom/intercom-react-native`: `await Intercom[call.method](...call.args)`.
 */
export type MobileCall =
  | MobileSetUserHashCall
  | MobileLoginUserCall
  | MobileLoginUnidentifiedCall
  | MobileUpdateUserCall
  | MobileLogEventCall
  | MobileLogoutCall

/** A mobile SDK method name. */
export type MobileMethod = MobileCall['method']

/** What {@link toMobile} returns. */
export type MobileMapping = DeviceMapping<MobileCall>
