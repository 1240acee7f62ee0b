import { describe } from '../_lib/describe.js'
import { hasKeys, isRecord } from '../_lib/is-record.js'
import type { IdentifyEvent } from '../event/types.js'
import { CONTACT_FIELDS, traitFields } from '../intercom/attribute-names.js'
import { warn } from '../warnings.js'
import { normalizeCompany } from './company.js'
import type { NormalizeContext } from './context.js'
import { dateSeconds } from './dates.js'
import { firstSpelling } from './first-spelling.js'
import { IdentityTraits } from './identity-traits.js'
import { applyLastSeen } from './last-seen.js'
import type { NormalizedCompany, NormalizedIdentify } from './model.js'
import { textField } from './text.js'
import { attributeSink, fitString, writeValue } from './values.js'

/**
 * Traits with a meaning of their own, by name, each mapped to the model field it
 * fills: Segment's spec traits in the spellings its libraries accept (camelCase,
 * snake_case, `created` for `createdAt`), the identity traits (analytics-android
 * copies `userId` and `anonymousId` into every identify's traits), and the names of
 * Intercom's own contact fields that a trait may fill (`owner_id`, `last_seen_at`,
 * `unsubscribed_from_emails`…, from {@link CONTACT_FIELDS}). Every other trait is a
 * custom attribute, unless it is named like another Intercom field (`reserved_name`).
 */
const TRAITS: ReadonlyMap<string, string> = new Map([
  ['email', 'email'],
  ['name', 'name'],
  ['firstName', 'firstName'],
  ['first_name', 'firstName'],
  ['lastName', 'lastName'],
  ['last_name', 'lastName'],
  ['phone', 'phone'],
  ['avatar', 'avatar'],
  ['createdAt', 'signedUpAt'],
  ['created_at', 'signedUpAt'],
  ['created', 'signedUpAt'],
  ['lastRequestAt', 'lastSeenAt'],
  ['last_request_at', 'lastSeenAt'],
  ['company', 'company'],
  ['companies', 'companies'],
  ['userId', 'user.userId'],
  ['user_id', 'user.userId'],
  ['anonymousId', 'anonymousId'],
  ['id', 'id'],
  ...traitFields(CONTACT_FIELDS),
])

/** `context` fields sent as custom attributes when `collectContext` is on (Segment: "Collect Context"). */
const CONTEXT_ATTRIBUTES = [
  ['device', 'type'],
  ['device', 'manufacturer'],
  ['device', 'model'],
  ['os', 'name'],
  ['os', 'version'],
  ['app', 'name'],
  ['app', 'version'],
] as const

/** Normalizes an identify: standard fields, companies, custom attributes, last-seen. */
export function normalizeIdentify(
  event: IdentifyEvent,
  base: Pick<NormalizedIdentify, 'user' | 'options' | 'optionPaths' | 'timestamp'>,
  ctx: NormalizeContext,
  /** `integrations.Intercom.createdAt` (Android's sign-up time), as `[path, value]`. */
  signedUpOption?: readonly [string, unknown],
): NormalizedIdentify {
  const traits = isRecord(event.traits) ? event.traits : {}
  const std: Record<string, [string, unknown]> = {}
  const spellings: Record<string, string> = {}
  if (signedUpOption !== undefined) {
    spellings.signedUpAt = signedUpOption[0]
    std.signedUpAt = signedUpOption as [string, unknown]
  }
  const sink = attributeSink()
  const identity = new IdentityTraits(base, ctx)
  for (const key in traits) {
    const value = traits[key]
    if (value === undefined) continue
    const path = `traits.${key}`
    // A Map: a trait named `toString` or `__proto__` is a custom attribute, not a field.
    const field = TRAITS.get(key)
    if (field === undefined) writeValue(sink, key, value, path, key, ctx)
    else if (field === 'user.userId' || field === 'id' || field === 'anonymousId')
      identity.read(field, key, value, path)
    else if (field.startsWith('options.')) identity.option(field.slice(8), key, value, path)
    else if (firstSpelling(spellings, field, path, ctx.warnings)) std[field] = [key, value]
  }

  const context = event.context
  if (ctx.settings.collectContext && isRecord(context)) {
    for (const [group, field] of CONTEXT_ATTRIBUTES) {
      const parent = context[group]
      const value = isRecord(parent) ? parent[field] : undefined
      if (value !== undefined)
        writeValue(sink, `${group}_${field}`, value, `context.${group}.${field}`, group, ctx)
    }
  }

  const out: NormalizedIdentify = {
    type: 'identify',
    ...base,
    ...identity.result(),
    companies: [],
    customAttributes: sink.out,
    active: context?.active !== false,
  }
  const text = (field: string): string | undefined => {
    const entry = std[field]
    return entry && textField(entry[1], entry[0], `traits.${entry[0]}`, ctx)
  }

  // The email is an identifier (user.ts reads it, as text only): here it is only warned.
  const email = std.email
  if (email !== undefined && typeof email[1] !== 'string') {
    const message = `"${email[0]}" must be text, got ${describe(email[1])}; dropped`
    warn(ctx.warnings, 'dropped_value', `traits.${email[0]}`, message)
  }
  const name = fullName(text('name'), text('firstName'), text('lastName'), std, ctx)
  if (name !== undefined) out.name = name
  const phone = text('phone')
  if (phone !== undefined) out.phone = phone
  const avatar = text('avatar')
  if (avatar !== undefined) out.avatar = avatar
  const created = std.signedUpAt
  if (created !== undefined) {
    // The option's entry holds its full path; a trait's holds its key.
    const path = created === signedUpOption ? created[0] : `traits.${created[0]}`
    const t = dateSeconds(created[1], path, ctx.warnings)
    if (t === undefined) warn(ctx.warnings, 'invalid_date', path, 'Not a date; dropped')
    else out.signedUpAt = t
  }
  const owner = std.ownerId
  if (owner !== undefined) {
    const id = adminId(owner[1], `traits.${owner[0]}`, ctx)
    if (id !== undefined) {
      out.ownerId = id
      out.ownerPath = `traits.${owner[0]}`
    }
  }
  const lastTrait = std.lastSeenAt
  applyLastSeen(out, lastTrait && [`traits.${lastTrait[0]}`, lastTrait[1]], context, ctx)
  if (isRecord(context)) {
    if (typeof context.ip === 'string' && context.ip !== '') out.ip = context.ip
    if (typeof context.userAgent === 'string' && context.userAgent !== '')
      out.userAgent = context.userAgent
  }
  if (hasKeys(sink.paths)) out.attributePaths = sink.paths
  out.companies = companies(std, ctx)
  return out
}

/** `name`, else first and last name, each trimmed and joined with one space. */
function fullName(
  name: string | undefined,
  first: string | undefined,
  last: string | undefined,
  std: Record<string, [string, unknown]>,
  ctx: NormalizeContext,
): string | undefined {
  const parts = [first?.trim(), last?.trim()].filter(
    (p): p is string => p !== undefined && p !== '',
  )
  const nameKey = `traits.${std.name?.[0]}`
  // A blank name never hides a real first/last name.
  if (name !== undefined && (name.trim() !== '' || parts.length === 0)) {
    for (const f of ['firstName', 'lastName']) {
      const entry = std[f]
      if (entry !== undefined) {
        warn(ctx.warnings, 'superseded', `traits.${entry[0]}`, `"${nameKey}" is the name; ignored`)
      }
    }
    return fitString(name, nameKey, ctx)
  }
  if (parts.length === 0) return undefined
  if (name !== undefined) {
    warn(ctx.warnings, 'superseded', nameKey, 'Blank; the first and last name are used instead')
  }
  return fitString(parts.join(' '), `traits.${std.firstName?.[0] ?? std.lastName?.[0]}`, ctx)
}

/**
 * `traits.company`, then `traits.companies`. A company id given twice is one company:
 * the first wins and a later one is warned `superseded` (sending both would let the
 * targets' upserts race, and the Messenger would receive the id twice).
 */
function companies(
  std: Record<string, [string, unknown]>,
  ctx: NormalizeContext,
): NormalizedCompany[] {
  const list: NormalizedCompany[] = []
  const byId: Record<string, string> = Object.create(null)
  const add = (c: NormalizedCompany | undefined) => {
    if (c !== undefined && firstSpelling(byId, `company id "${c.companyId}"`, c.path, ctx.warnings))
      list.push(c)
  }
  const one = std.company
  if (one !== undefined) add(normalizeCompany(one[1], 'traits.company', ctx))
  const many = std.companies
  if (many !== undefined) {
    if (!Array.isArray(many[1])) {
      warn(
        ctx.warnings,
        'dropped_value',
        'traits.companies',
        `"companies" must be an array, got ${describe(many[1])}; dropped`,
      )
    } else {
      many[1].forEach((item: unknown, i: number) => {
        add(normalizeCompany(item, `traits.companies.${i}`, ctx))
      })
    }
  }
  return list
}

/** An Intercom admin id (a contact's owner): a positive integer, or its digits as text (converted). */
function adminId(value: unknown, path: string, ctx: NormalizeContext): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value
  if (typeof value === 'string' && /^[1-9][0-9]{0,15}$/.test(value)) {
    const n = Number(value)
    if (Number.isSafeInteger(n)) {
      warn(ctx.warnings, 'converted', path, `Text "${value}" sent as the admin id ${n}`)
      return n
    }
  }
  const message = `The owner must be an Intercom admin id (a positive integer), got ${describe(value)}; not sent`
  warn(ctx.warnings, 'dropped_value', path, message)
  return undefined
}
