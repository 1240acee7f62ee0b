import { isRecord } from '../_lib/is-record.js'
import { attachable, mappedCalls, trackArgs, warnDeviceUnsent } from '../device-mode.js'
import { MESSENGER_OPTIONS, type UnsentOptions } from '../intercom-options.js'
import { normalize } from '../normalize/normalize.js'
import { hasUser } from '../normalize/user.js'
import { notSent, sentNowhere, warnUnsentOptions } from '../unsent.js'
import { inputError } from '../warnings.js'
import { addIdentifyData, baseSettings, MESSENGER, messengerCompany } from './settings-object.js'
import type {
  MessengerBootSettings,
  MessengerCall,
  MessengerMapping,
  MessengerOptions,
} from './types.js'

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
  // The appId error joins the event's own errors, and outranks a skip: the settings are
  // wrong for every event.
  if (n.status !== 'normalized' || n.settings.appId === undefined) {
    if (n.status !== 'normalized' && !missingAppId(options)) return n
    const message = 'The Messenger needs your Intercom App ID (e.g. "9iefb489")'
    return {
      status: 'invalid',
      errors: [
        ...(n.status === 'invalid' ? n.errors : []),
        inputError('missing_setting', 'settings.appId', message),
      ],
      warnings: n.warnings,
    }
  }
  const { event: m, warnings } = n
  const appId = n.settings.appId
  const booted = options?.booted === true
  const base = (unsent: UnsentOptions, withUser = false) =>
    baseSettings(appId, n.settings, m, unsent, withUser, warnings)
  const open = (settings: MessengerBootSettings): MessengerCall =>
    booted ? { method: 'update', args: [settings] } : { method: 'boot', args: [settings] }

  switch (m.type) {
    case 'page':
      // A page's name, category and properties have no place in the Messenger.
      for (const key of ['name', 'category', 'properties'] as const) {
        if (m[key] !== undefined) notSent(warnings, key, 'the Messenger has no page views')
      }
      return mappedCalls([open(base(MESSENGER_OPTIONS.page))], warnings)
    case 'identify': {
      if (!hasUser(m.user)) {
        return {
          status: 'skipped',
          reason: 'no_user',
          message: 'No userId or email: the Messenger boots anonymous visitors on page',
          warnings,
        }
      }
      const settings = base(MESSENGER_OPTIONS.identify, true)
      addIdentifyData(settings, m, warnings)
      warnDeviceUnsent(m, n.now, MESSENGER, warnings)
      return mappedCalls([open(settings)], warnings)
    }
    case 'group': {
      const calls: MessengerCall[] = []
      const user = hasUser(m.user)
      const company = attachable(m.company, MESSENGER, warnings)
        ? messengerCompany(m.company)
        : undefined
      if (booted && company === undefined) {
        warnUnsentOptions(m, MESSENGER_OPTIONS.groupNothingSent, warnings)
      } else {
        const settings = base(
          user ? MESSENGER_OPTIONS.group : MESSENGER_OPTIONS.groupWithoutUser,
          user,
        )
        // Not booted yet: boot first, so the company is never lost.
        if (!booted) calls.push({ method: 'boot', args: [settings] })
        if (company !== undefined) {
          // Object.assign, not a spread: V8 copies these settings far faster so.
          calls.push({ method: 'update', args: [Object.assign({}, settings, { company })] })
        }
      }
      warnDeviceUnsent(m, n.now, MESSENGER, warnings)
      return mappedCalls(calls, warnings)
    }
    case 'track':
      return mappedCalls(
        [{ method: 'trackEvent', args: trackArgs(m, MESSENGER_OPTIONS.track, warnings) }],
        warnings,
      )
    case 'reset':
      return mappedCalls(
        [
          { method: 'shutdown', args: [] },
          { method: 'boot', args: [base(MESSENGER_OPTIONS.reset)] },
        ],
        warnings,
      )
    case 'screen':
    case 'alias':
      return sentNowhere(m.type, warnings)
  }
}

/**
 * Whether the settings given lack `appId` (and are an object, or absent: other settings
 * are the settings check's errors). Settings that cannot be read are normalize's error.
 */
function missingAppId(options: MessengerOptions | undefined): boolean {
  try {
    const settings = options?.settings
    return settings === undefined || (isRecord(settings) && settings.appId === undefined)
  } catch {
    return false
  }
}
