import { hasKeys } from '../_lib/is-record.js'
import type { NormalizedCompany, NormalizedIdentify } from '../normalize/model.js'
import type { Warning } from '../types.js'
import { warn } from '../warnings.js'
import type { MobileCompany, MobileUserAttributes } from './types.js'

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
  const companies: MobileCompany[] = []
  for (const c of m.companies) {
    const company = mobileCompany(c, warnings)
    if (company !== undefined) companies.push(company)
  }
  if (companies.length > 0) out.companies = companies
  if (hasKeys(m.customAttributes)) out.customAttributes = m.customAttributes
  if (m.avatar !== undefined) {
    warn(
      warnings,
      'unsupported_field',
      'traits.avatar',
      'The mobile SDKs cannot set an avatar; not sent',
    )
  }
  return hasKeys(out) ? out : undefined
}

/**
 * A company as the SDKs take it, or `undefined` (warned) for a `remove: true`
 * company: the SDKs can only attach companies. `size`, `website` and `industry`
 * are not in the SDKs' company (iOS `ICMCompany`, Android `Company`, the React
 * Native `Company` type): they are warned, not sent as custom attributes, which
 * would create custom attributes shadowing Intercom's standard company fields.
 */
export function mobileCompany(
  c: NormalizedCompany,
  warnings: Warning[],
): MobileCompany | undefined {
  if (c.remove) {
    warn(
      warnings,
      'unsupported_field',
      c.path,
      'The mobile SDKs cannot detach a user from a company (remove: true works server-side only); not sent',
    )
    return undefined
  }
  const out: MobileCompany = { id: c.companyId }
  if (c.name !== undefined) out.name = c.name
  if (c.createdAt !== undefined) out.createdAt = c.createdAt
  if (c.monthlySpend !== undefined) out.monthlySpend = c.monthlySpend
  if (c.plan !== undefined) out.plan = c.plan
  if (hasKeys(c.customAttributes)) out.customAttributes = c.customAttributes
  const unsent: string[] = []
  if (c.size !== undefined) unsent.push('size')
  if (c.website !== undefined) unsent.push('website')
  if (c.industry !== undefined) unsent.push('industry')
  if (unsent.length > 0) {
    warn(
      warnings,
      'unsupported_field',
      c.path,
      `The mobile SDKs' company has no ${unsent.join(', ')}; not sent`,
    )
  }
  return out
}
