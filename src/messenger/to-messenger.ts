import { hasKeys, isRecord } from '../_lib/is-record.js'
import { warnDeviceRecorded, warnIdentityEmail } from '../device-mode.js'
import { mapped as envelope } from '../envelopes.js'
import { MESSENGER_OPTIONS } from '../intercom-options.js'
import type {
  NormalizedGroup,
  NormalizedIdentify,
  NormalizedPage,
  NormalizedTrack,
} from '../normalize/model.js'
import { normalize } from '../normalize/normalize.js'
import { hasUser } from '../normalize/user.js'
import type { InputError, Invalid, Warning } from '../types.js'
import { sentNowhere, warnUnsentOptions } from '../unsent.js'
import { inputError, warn } from '../warnings.js'
import { addIdentifyData, addUser, attachableCompany, widgetSettings } from './settings-object.js'
import type {
  MessengerBootSettings,
  MessengerCall,
  MessengerMapping,
  MessengerOptions,
} from './types.js'

const TARGET = 'The Messenger'

/**
 * Maps a Segment event to calls of Intercom's web Messenger (`window.Intercom`).
 * Nothing is called: apply the result with {@link applyMessengerCalls}, or let
 * {@link createMessengerSession} track whether the Messenger is booted.
 *
 * - `page` boots the Messenger (or updates it when `options.booted` is `true`) with
 *   `app_id` and the widget options only (`api_base` for the eu/au regions,
 *   `custom_launcher_selector`, `hide_default_launcher`); its name and properties
 *   are not sent (warned).
 * - `identify` boots or updates with the user: `user_id`, `email`, `name`, `phone`,
 *   `created_at`, `avatar`, `company`/`companies`, `user_hash`, `intercom_user_jwt`,
 *   `unsubscribed_from_emails`, `language_override` and the custom attributes at the
 *   top level. Without a userId or email it is skipped (`no_user`): an anonymous
 *   visitor is booted by `page`. Segment's doc says `unsubscribedFromEmails` "does NOT
 *   work in analytics.js"; the Messenger does accept `unsubscribed_from_emails` in
 *   its settings, so it is sent.
 * - `group` updates with the company (`company_id` = groupId) and the user when
 *   known; when the Messenger is not booted yet it boots first, so the company is
 *   never lost (Segment's integration called `update` before `boot`).
 * - `track` → `trackEvent(name, metadata?)`; it needs a booted Messenger.
 * - `reset` → `shutdown`, then `boot` with `app_id` only: a fresh anonymous session,
 *   so a logged-out user's conversations never stay on screen.
 * - `screen` and `alias` are skipped (`unsupported_type`).
 *
 * `settings.appId` is required (else `invalid` at `settings.appId`).
 * Never throws, never mutates `event`, never reads the clock.
 *
 * @example
 * ```ts
 * const r = toMessenger(
 *   { type: 'identify', userId: 'su3r73', traits: { name: 'Iñigo Montoya', email: 'avenger@example.com' } },
 *   { settings: { appId: '9iefb489' } },
 * )
 * // r.calls: [{ method: 'boot', args: [{ app_id: '9iefb489', user_id: 'su3r73',
 * //   email: 'avenger@example.com', name: 'Iñigo Montoya' }] }]
 * if (r.status === 'mapped') applyMessengerCalls(r.calls)
 * ```
 */
export function toMessenger(event: unknown, options?: MessengerOptions): MessengerMapping {
  const n = normalize(event, options)
  if (n.status === 'invalid') {
    return missingAppId(options?.settings) ? { ...n, errors: [...n.errors, appIdError()] } : n
  }
  if (n.status === 'skipped') return missingAppId(options?.settings) ? invalidAppId(n.warnings) : n
  const appId = n.settings.appId
  if (appId === undefined) return invalidAppId(n.warnings)

  const warnings = n.warnings
  const m = n.event
  const widget = (): MessengerBootSettings => widgetSettings(appId, n.settings, m.options)
  const booted = options?.booted === true
  const open = (settings: MessengerBootSettings): MessengerCall =>
    booted ? { method: 'update', args: [settings] } : { method: 'boot', args: [settings] }

  switch (m.type) {
    case 'page':
      warnPageData(m, warnings)
      warnUnsentOptions(m, MESSENGER_OPTIONS.page, warnings)
      return mapped([open(widget())], warnings)
    case 'identify':
      return identify(m, widget(), open, n.now, warnings)
    case 'group':
      return group(m, widget, booted, n.now, warnings)
    case 'track':
      return track(m, warnings)
    case 'reset':
      warnUnsentOptions(m, MESSENGER_OPTIONS.reset, warnings)
      return mapped(
        [
          { method: 'shutdown', args: [] },
          { method: 'boot', args: [widget()] },
        ],
        warnings,
      )
    case 'screen':
    case 'alias':
      return sentNowhere(m.type, warnings)
  }
}

function identify(
  m: NormalizedIdentify,
  settings: MessengerBootSettings,
  open: (settings: MessengerBootSettings) => MessengerCall,
  now: number | undefined,
  warnings: Warning[],
): MessengerMapping {
  if (!hasUser(m.user)) {
    return {
      status: 'skipped',
      reason: 'no_user',
      message:
        'An identify needs a userId or an email for the Messenger; an anonymous visitor is booted by page',
      warnings,
    }
  }
  addUser(settings, m.user, m.options)
  addIdentifyData(settings, m, warnings)
  warnDeviceRecorded(m, now, TARGET, warnings)
  return mapped([open(settings)], warnings)
}

function group(
  m: NormalizedGroup,
  widget: () => MessengerBootSettings,
  booted: boolean,
  now: number | undefined,
  warnings: Warning[],
): MessengerMapping {
  const user = hasUser(m.user)
  const company = attachableCompany(m.company, warnings)
  const calls: MessengerCall[] = []
  const unsent =
    booted && company === undefined
      ? MESSENGER_OPTIONS.groupNothingSent
      : user
        ? MESSENGER_OPTIONS.group
        : MESSENGER_OPTIONS.groupWithoutUser
  warnUnsentOptions(m, unsent, warnings)
  warnDeviceRecorded(m, now, TARGET, warnings)
  if (!booted) {
    const boot = widget()
    if (user) addUser(boot, m.user, m.options)
    calls.push({ method: 'boot', args: [boot] })
  }
  if (company !== undefined) {
    const update = widget()
    if (user) addUser(update, m.user, m.options)
    update.company = company
    calls.push({ method: 'update', args: [update] })
  }
  return mapped(calls, warnings)
}

function track(m: NormalizedTrack, warnings: Warning[]): MessengerMapping {
  warnUnsentOptions(m, MESSENGER_OPTIONS.track, warnings)
  warnIdentityEmail(m, warnings)
  const call: MessengerCall = hasKeys(m.metadata)
    ? { method: 'trackEvent', args: [m.eventName, m.metadata] }
    : { method: 'trackEvent', args: [m.eventName] }
  return mapped([call], warnings)
}

/** A page's name, category and properties have no place in the Messenger: warned once each. */
function warnPageData(m: NormalizedPage, warnings: Warning[]): void {
  const why = 'the Messenger has no page views; a page only boots or updates it'
  if (m.name !== undefined) warn(warnings, 'unsupported_field', 'name', `Not sent: ${why}`)
  if (m.category !== undefined) warn(warnings, 'unsupported_field', 'category', `Not sent: ${why}`)
  if (m.properties !== undefined) {
    warn(warnings, 'unsupported_field', 'properties', `Page properties are not sent: ${why}`)
  }
}

function mapped(calls: MessengerCall[], warnings: Warning[]): MessengerMapping {
  return envelope({ calls }, warnings)
}

/** `appId` is absent from settings that are otherwise an object (or absent). */
function missingAppId(settings: unknown): boolean {
  return settings === undefined || (isRecord(settings) && settings.appId === undefined)
}

function appIdError(): InputError {
  return inputError(
    'missing_setting',
    'settings.appId',
    'The Messenger needs settings.appId (your Intercom App ID, e.g. "9iefb489")',
  )
}

function invalidAppId(warnings: Warning[]): Invalid {
  return { status: 'invalid', errors: [appIdError()], warnings }
}
