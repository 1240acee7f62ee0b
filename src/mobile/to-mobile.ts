import { attachable, mappedCalls, trackArgs, warnDeviceUnsent } from '../device-mode.js'
import { unsupportedType } from '../envelopes.js'
import { MOBILE_OPTIONS } from '../intercom-options.js'
import type { NormalizedGroup, NormalizedIdentify } from '../normalize/model.js'
import { normalize } from '../normalize/normalize.js'
import { hasUser } from '../normalize/user.js'
import type { MapOptions, Warning } from '../types.js'
import { sentNowhere, warnUnsentOptions } from '../unsent.js'
import type { MobileCall, MobileMapping, MobileUserAttributes } from './types.js'
import { identifyUpdate, MOBILE, mobileCompany } from './user-attributes.js'

/**
 * Maps a Segment event to calls of the Intercom mobile SDK (iOS, Android, React
 * Native), named and shaped as in `@intercom/intercom-react-native`. Nothing is
 * called: run each call in order (a `switch` on `call.method` passes each call's
 * typed `args` to the SDK method of that name; see the mobile guide).
 *
 * - `identify` with a userId or an email: `setUserHash(hash)` first when the
 *   Intercom options carry one, then `loginUserWithUserAttributes({ userId, email })`,
 *   then `updateUser({...})` with the rest (name, phone, signedUpAt,
 *   languageOverride, unsubscribedFromEmails, companies, customAttributes).
 *   The SDKs accept either identifier, so an email-only user is logged in by email
 *   (an Intercom user, as on the other targets; Segment's own mobile integration
 *   logged users in by userId only). Without either: `loginUnidentifiedUser()` (the
 *   Segment doc's "Unidentified" fallback), then `updateUser`.
 *   Android rejects a login while a user is already logged in ("We already have a
 *   registered user"): for the same user that failure is harmless and the following
 *   `updateUser` still applies; for another user, map a `reset` (logout) first.
 * - `track` → `logEvent(name, metaData?)`; the price is integer cents
 *   (`revenue`, else `total`: 19.99 → 1999, never Android's 1900).
 * - `group` → `updateUser({ companies: [company] })` for the logged-in user.
 * - `reset` → `logout()`.
 * - `page`, `screen` and `alias` are skipped (`unsupported_type`).
 *
 * A company's `size` (`employees`), `website` and `industry`, which the SDKs' company
 * lacks, are sent among its `customAttributes` under their trait keys.
 * Not sent, with a warning: the avatar, the owner, `userJwt`, `hideDefaultLauncher`, a
 * company's `remove: true`, `lastRequestAt`, `context.ip` and `context.userAgent` (the
 * SDK records the device's own).
 * Never throws, never mutates `event`, never reads the clock.
 *
 * @example
 * ```ts
 * const r = toMobile({ type: 'identify', userId: '123', traits: { name: 'Ada' },
 *   integrations: { Intercom: { userHash: 'a1b2…' } } })
 * // r.calls: setUserHash('a1b2…'), loginUserWithUserAttributes({ userId: '123' }),
 * //          updateUser({ name: 'Ada' })
 * // with `import Intercom from '@intercom/intercom-react-native'`, inside the switch:
 * //   case 'logEvent': return Intercom.logEvent(...call.args)
 * ```
 */
export function toMobile(event: unknown, options?: MapOptions): MobileMapping {
  const n = normalize(event, options)
  if (n.status !== 'normalized') return n
  const warnings = n.warnings
  const m = n.event
  switch (m.type) {
    case 'identify':
      return identify(m, n.now, warnings)
    case 'track':
      return mappedCalls(
        [{ method: 'logEvent', args: trackArgs(m, MOBILE_OPTIONS.track, warnings) }],
        warnings,
      )
    case 'group':
      return group(m, n.now, warnings)
    case 'reset':
      warnUnsentOptions(m, MOBILE_OPTIONS.reset, warnings)
      return mappedCalls([{ method: 'logout', args: [] }], warnings)
    case 'page':
      return unsupportedType(
        'The mobile SDKs have no page call; only the web Messenger sends it (toMessenger)',
        warnings,
      )
    case 'screen':
    case 'alias':
      return sentNowhere(m.type, warnings)
  }
}

function identify(
  m: NormalizedIdentify,
  now: number | undefined,
  warnings: Warning[],
): MobileMapping {
  const calls: MobileCall[] = []
  const { userId, email } = m.user
  if (hasUser(m.user)) {
    // Identity verification must be set before the login.
    if (m.options.userHash !== undefined) {
      calls.push({ method: 'setUserHash', args: [m.options.userHash] })
    }
    const login: MobileUserAttributes = {}
    if (userId !== undefined) login.userId = userId
    if (email !== undefined) login.email = email
    calls.push({ method: 'loginUserWithUserAttributes', args: [login] })
    warnUnsentOptions(m, MOBILE_OPTIONS.identify, warnings)
  } else {
    warnUnsentOptions(m, MOBILE_OPTIONS.identifyUnidentified, warnings)
    calls.push({ method: 'loginUnidentifiedUser', args: [] })
  }
  const update = identifyUpdate(m, warnings)
  if (update !== undefined) calls.push({ method: 'updateUser', args: [update] })
  warnDeviceUnsent(m, now, MOBILE, warnings)
  return mappedCalls(calls, warnings)
}

function group(m: NormalizedGroup, now: number | undefined, warnings: Warning[]): MobileMapping {
  warnUnsentOptions(m, MOBILE_OPTIONS.group, warnings)
  warnDeviceUnsent(m, now, MOBILE, warnings)
  const calls: MobileCall[] = attachable(m.company, MOBILE, warnings)
    ? [{ method: 'updateUser', args: [{ companies: [mobileCompany(m.company, warnings)] }] }]
    : []
  return mappedCalls(calls, warnings)
}
