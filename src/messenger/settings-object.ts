/**
 * Builds the Messenger settings object (`boot` / `update`) from the model.
 * @module
 */

import { setOwn } from '../_lib/set-own.js'
import { writeCompanyFields } from '../company-fields.js'
import {
  DEFAULT_LAUNCHER_SELECTOR,
  MESSENGER_API_BASE,
  MESSENGER_COMPANY_KEYS,
  MESSENGER_USER_KEYS,
} from '../intercom/messenger.js'
import type {
  IntercomOptions,
  NormalizedCompany,
  NormalizedIdentify,
  UserIdentity,
} from '../normalize/model.js'
import type { ResolvedSettings } from '../settings/types.js'
import type { Warning } from '../types.js'
import { joinPath, warn } from '../warnings.js'
import type { MessengerBootSettings, MessengerCompany, MessengerSettings } from './types.js'

/**
 * `app_id` and the widget options that ride on every `boot` and `update`:
 * `api_base` (eu/au regions), `custom_launcher_selector` (a non-default
 * `customInboxButtonSelector`) and `hide_default_launcher` (the Intercom option).
 */
export function widgetSettings(
  appId: string,
  settings: ResolvedSettings,
  options: IntercomOptions,
): MessengerBootSettings {
  const out: MessengerBootSettings = { app_id: appId }
  const apiBase = MESSENGER_API_BASE[settings.region]
  if (apiBase !== undefined) out.api_base = apiBase
  if (settings.customInboxButtonSelector !== DEFAULT_LAUNCHER_SELECTOR) {
    out.custom_launcher_selector = settings.customInboxButtonSelector
  }
  if (options.hideDefaultLauncher !== undefined) {
    out.hide_default_launcher = options.hideDefaultLauncher
  }
  return out
}

/**
 * Adds the user's identity: `user_id`, `email`, and the identity-verification
 * values (`user_hash`, `intercom_user_jwt`), which must accompany them.
 */
export function addUser(
  out: MessengerSettings,
  user: UserIdentity,
  options: IntercomOptions,
): void {
  if (user.userId !== undefined) out.user_id = user.userId
  if (user.email !== undefined) out.email = user.email
  if (options.userHash !== undefined) out.user_hash = options.userHash
  if (options.userJwt !== undefined) out.intercom_user_jwt = options.userJwt
}

/**
 * Adds an identify's user data: the standard fields, the company or companies, and
 * the custom attributes at the top level (a custom attribute named like one of the
 * Messenger's own keys is warned and dropped, never allowed to overwrite it).
 */
export function addIdentifyData(
  out: MessengerSettings,
  m: NormalizedIdentify,
  warnings: Warning[],
): void {
  if (m.name !== undefined) out.name = m.name
  if (m.phone !== undefined) out.phone = m.phone
  if (m.signedUpAt !== undefined) out.created_at = m.signedUpAt
  if (m.avatar !== undefined) out.avatar = { type: 'avatar', image_url: m.avatar }
  if (m.options.unsubscribedFromEmails !== undefined) {
    out.unsubscribed_from_emails = m.options.unsubscribedFromEmails
  }
  if (m.options.languageOverride !== undefined) out.language_override = m.options.languageOverride
  if (m.ownerPath !== undefined) {
    const message = "The Messenger cannot set a contact's owner (the REST 2.x API can); not sent"
    warn(warnings, 'unsupported_field', m.ownerPath, message)
  }

  const companies: MessengerCompany[] = []
  for (const c of m.companies) {
    const company = attachableCompany(c, warnings)
    if (company !== undefined) companies.push(company)
  }
  const [first] = companies
  if (companies.length > 1) out.companies = companies
  else if (first !== undefined) out.company = first

  for (const key in m.customAttributes) {
    if (MESSENGER_USER_KEYS.has(key)) {
      warn(
        warnings,
        'reserved_key',
        m.attributePaths?.[key] ?? joinPath('traits', key),
        `"${key}" is one of the Messenger's own settings; this custom attribute is dropped`,
      )
    } else setOwn(out, key, m.customAttributes[key])
  }
}

/**
 * The Messenger company for a company the user joins, or `undefined` (warned) for
 * a `remove: true` company: the Messenger can only attach companies, and sending
 * it would attach the user instead of detaching them.
 */
export function attachableCompany(
  c: NormalizedCompany,
  warnings: Warning[],
): MessengerCompany | undefined {
  if (c.remove) {
    warn(
      warnings,
      'unsupported_field',
      c.path,
      'The Messenger cannot detach a user from a company (remove: true works server-side only); not sent',
    )
    return undefined
  }
  return messengerCompany(c, warnings)
}

/** A company as the Messenger takes it: standard keys, then custom ones at the top level. */
export function messengerCompany(c: NormalizedCompany, warnings: Warning[]): MessengerCompany {
  const out: MessengerCompany = { company_id: c.companyId }
  writeCompanyFields(out, c, 'created_at')
  for (const key in c.customAttributes) {
    if (MESSENGER_COMPANY_KEYS.has(key)) {
      warn(
        warnings,
        'reserved_key',
        c.attributePaths?.[key] ?? joinPath(c.path, key),
        `"${key}" is a standard company key of the Messenger; this custom attribute is dropped`,
      )
    } else setOwn(out, key, c.customAttributes[key])
  }
  return out
}
