import { hasKeys } from '../_lib/is-record.js'
import { setOwn } from '../_lib/set-own.js'
import { attachable } from '../device-mode.js'
import type { Attributes, NormalizedCompany, NormalizedIdentify } from '../normalize/model.js'
import type { Warning } from '../types.js'
import { notSent } from '../unsent.js'
import { joinPath, warn } from '../warnings.js'
import type { MobileCompany, MobileUserAttributes } from './types.js'

/** The target's name in messages. */
export const MOBILE = 'the mobile SDK'

/**
 * The `updateUser` attributes of an identify: everything but the identity (the
 * login carries it). `undefined` when there is nothing to update.
 */
export function identifyUpdate(
  m: NormalizedIdentify,
  warnings: Warning[],
): MobileUserAttributes | undefined {
  const out: MobileUserAttributes = {}
  if (m.name !== undefined) out.name = m.name
  if (m.phone !== undefined) out.phone = m.phone
  if (m.options.languageOverride !== undefined) out.languageOverride = m.options.languageOverride
  if (m.signedUpAt !== undefined) out.signedUpAt = m.signedUpAt
  if (m.options.unsubscribedFromEmails !== undefined) {
    out.unsubscribedFromEmails = m.options.unsubscribedFromEmails
  }
  const companies = m.companies.flatMap((c) =>
    attachable(c, MOBILE, warnings) ? [mobileCompany(c, warnings)] : [],
  )
  if (companies.length > 0) out.companies = companies
  if (hasKeys(m.customAttributes)) out.customAttributes = m.customAttributes
  if (m.avatar !== undefined) {
    notSent(warnings, 'traits.avatar', 'the mobile SDK has no avatar')
  }
  return hasKeys(out) ? out : undefined
}

/**
 * A company the user joins, as the SDKs take it (a `remove: true` one is not sent: see
 * `attachable`). The SDKs' company (iOS `ICMCompany`, Android `Company`, the React
 * Native `Company` type) has no `size`, `website` or `industry`, but takes custom
 * attributes: they are sent there under the trait's own key (`employees`, `industry`,
 * `website`), as Segment's mobile integrations send every remaining company trait.
 */
export function mobileCompany(c: NormalizedCompany, warnings: Warning[]): MobileCompany {
  const out: MobileCompany = { id: c.companyId }
  if (c.name !== undefined) out.name = c.name
  if (c.createdAt !== undefined) out.createdAt = c.createdAt
  if (c.monthlySpend !== undefined) out.monthlySpend = c.monthlySpend
  if (c.plan !== undefined) out.plan = c.plan
  const custom: Attributes = { ...c.customAttributes }
  for (const field of ['size', 'website', 'industry'] as const) {
    const v = c[field]
    if (v === undefined) continue
    const key = (field === 'size' ? c.inputKeys?.size : undefined) ?? field
    // A custom attribute of the same key was warned `key_collision` in normalize, never both.
    if (Object.hasOwn(custom, key)) {
      const message = `A custom attribute "${key}" is sent instead; the company's ${field} is not sent`
      warn(warnings, 'key_collision', joinPath(c.path, key), message)
    } else setOwn(custom, key, v)
  }
  if (hasKeys(custom)) out.customAttributes = custom
  return out
}
