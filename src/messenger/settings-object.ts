/**
 * Builds the Messenger settings object (`boot` / `update`) from the model. Which
 * Intercom options a call carries is its row of `MESSENGER_OPTIONS`; the key each is
 * sent under is `MESSENGER_OPTION_KEYS`.
 * @module
 */

import { hasKeys } from '../_lib/is-record.js'
import { setOwn } from '../_lib/set-own.js'
import { writeCompanyFields } from '../company-fields.js'
import { attachable } from '../device-mode.js'
import {
  DEFAULT_LAUNCHER_SELECTOR,
  MESSENGER_API_BASE,
  MESSENGER_OPTION_KEYS,
  MESSENGER_USER_KEYS,
} from '../intercom/messenger.js'
import type { UnsentOptions } from '../intercom-options.js'
import type { NormalizedCompany, NormalizedEvent, NormalizedIdentify } from '../normalize/model.js'
import type { ResolvedSettings } from '../settings/types.js'
import type { Warning } from '../types.js'
import { warnUnsentOptions } from '../unsent.js'
import { joinPath, warn } from '../warnings.js'
import type { MessengerBootSettings, MessengerCompany, MessengerSettings } from './types.js'

/** The target's name in messages. */
export const MESSENGER = 'the Messenger'

/**
 * What every `boot` and `update` of a call carries: `app_id`, `api_base` (eu/au
 * regions), `custom_launcher_selector` (a non-default `customInboxButtonSelector`),
 * the user's `user_id` and `email` when `withUser`, and the Intercom options the call
 * sends (`unsent`, its row of `MESSENGER_OPTIONS`; the others are warned).
 */
export function baseSettings(
  appId: string,
  settings: ResolvedSettings,
  m: NormalizedEvent,
  unsent: UnsentOptions,
  withUser: boolean,
  warnings: Warning[],
): MessengerBootSettings {
  const sent = warnUnsentOptions(m, unsent, warnings)
  const out: MessengerBootSettings = { app_id: appId }
  const apiBase = MESSENGER_API_BASE[settings.region]
  if (apiBase !== undefined) out.api_base = apiBase
  if (settings.customInboxButtonSelector !== DEFAULT_LAUNCHER_SELECTOR) {
    out.custom_launcher_selector = settings.customInboxButtonSelector
  }
  if (withUser) {
    if (m.user.userId !== undefined) out.user_id = m.user.userId
    if (m.user.email !== undefined) out.email = m.user.email
  }
  for (const key of sent) setOwn(out, MESSENGER_OPTION_KEYS[key], m.options[key])
  return out
}

/**
 * Adds an identify's user data: the standard fields, the company or companies the
 * user joins, and the custom attributes at the top level.
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
  // A loop, not flatMap: this runs on every identify, and flatMap is several times slower.
  const companies: MessengerCompany[] = []
  for (const c of m.companies)
    if (attachable(c, MESSENGER, warnings)) companies.push(messengerCompany(c))
  if (companies.length > 1) out.companies = companies
  else if (companies[0] !== undefined) out.company = companies[0]
  // At the top level, where the Messenger takes custom attributes; one named like a
  // key the Messenger reads as its own would change the Messenger: warned, dropped.
  for (const key in m.customAttributes) {
    if (MESSENGER_USER_KEYS.has(key)) {
      const path = m.attributePaths?.[key] ?? joinPath('traits', key)
      warn(warnings, 'reserved_key', path, `Dropped: the Messenger reads "${key}" as its own key`)
    } else setOwn(out, key, m.customAttributes[key])
  }
}

/**
 * A company as the Messenger takes it: standard keys, then custom ones at the top level
 * (normalize keeps company field names out of the custom ones, so none overwrites a
 * standard key; a spread keeps a `__proto__` key as an own property).
 */
export function messengerCompany(c: NormalizedCompany): MessengerCompany {
  const out: MessengerCompany = { company_id: c.companyId }
  writeCompanyFields(out, c, 'created_at')
  return hasKeys(c.customAttributes) ? { ...out, ...c.customAttributes } : out
}
