import { describe } from '../_lib/describe.js'
import { hasKeys, isRecord } from '../_lib/is-record.js'
import type { IdentifyEvent } from '../event/types.js'
import { CONTACT_FIELDS, traitFields } from '../intercom/attribute-names.js'
import { warn } from '../warnings.js'
import { normalizeCompany } from './company.js'
import type { NormalizeContext } from './context.js'
import { dateField } from './date-field.js'
import { firstSpelling } from './first-spelling.js'
import { modelHead } from './head.js'
import { readIdentityTrait, readOptionTrait } from './identity-traits.js'
import { applyLastSeen } from './last-seen.js'
import type { IntercomOptions, NormalizedCompany, NormalizedIdentify } from './model.js'
import { textField } from './text.js'
import { attributeSink, fitString, writeValue } from './values.js'

/**
 * Traits with a meaning of their own, by name, each mapped to the model field it
 * fills: Segment's spec traits in the spellings its libraries accept (camelCase,
 * snake_case, `created` for `createdAt`), the identity traits (analytics-android
 * copies `userId` and `anonymousId` into every identify's traits), and the names of
 * Intercom's own contact fields that a trait may fill (`external_id`, `owner_id`,
 * `last_seen_at`, `unsubscribed_from_emails`…, from {@link CONTACT_FIELDS}). Every
 * other trait is a custom attribute, unless it is named like another Intercom field
 * (`reserved_name`).
 */
const TRAITS = traitFields(CONTACT_FIELDS, {
  email: 'email',
  name: 'name',
  firstName: 'firstName first_name',
  lastName: 'lastName last_name',
  phone: 'phone',
  avatar: 'avatar',
  signedUpAt: 'createdAt created_at created',
  lastSeenAt: 'lastRequestAt last_request_at',
  company: 'company',
  companies: 'companies',
  anonymousId: 'anonymousId',
  id: 'id',
})

/** `context` fields sent as custom attributes when `collectContext` is on (Segment: "Collect Context"). */
const CONTEXT_ATTRIBUTES =
  'device.type device.manufacturer device.model os.name os.version app.name app.version'

/** A standard field's first spelling: its value, input path and key. */
type Given = readonly [value: unknown, path: string, key: string]

/** Normalizes an identify: standard fields, companies, custom attributes, last-seen. */
export function normalizeIdentify(
  event: IdentifyEvent,
  base: Pick<NormalizedIdentify, 'user' | 'options' | 'optionPaths' | 'timestamp'>,
  ctx: NormalizeContext,
  /** `integrations.Intercom.createdAt` (Android's sign-up time), as `[path, value]`. */
  signedUpOption?: readonly [string, unknown],
): NormalizedIdentify {
  const { warnings } = ctx
  const std: Record<string, Given> = {}
  const spellings: Record<string, string> = {}
  if (signedUpOption !== undefined) {
    const [path, value] = signedUpOption
    spellings.signedUpAt = path
    std.signedUpAt = [value, path, 'createdAt']
  }
  const context = event.context
  const sink = attributeSink()
  const out = modelHead('identify', base) as NormalizedIdentify
  // Copies: a trait may set an option, and the base's may be shared.
  out.options = { ...base.options }
  out.optionPaths = { ...base.optionPaths }
  out.companies = []
  out.customAttributes = sink.out
  out.active = context?.active !== false
  // parse guarantees traits is an object when present.
  const traits = event.traits ?? {}
  for (const key in traits) {
    const value = traits[key]
    if (value === undefined) continue
    const path = `traits.${key}`
    const field = TRAITS.get(key)
    if (field === undefined) writeValue(sink, key, value, path, key, ctx)
    else if (field === 'user.userId' || field === 'id' || field === 'anonymousId')
      readIdentityTrait(field, key, value, path, base.user.userId, warnings)
    else if (field.startsWith('options.'))
      readOptionTrait(field.slice(8) as keyof IntercomOptions, key, value, path, out, warnings)
    else if (firstSpelling(spellings, field, path, warnings)) std[field] = [value, path, key]
  }

  if (ctx.settings.collectContext && context) {
    for (const name of CONTEXT_ATTRIBUTES.split(' ')) {
      const [group = '', field = ''] = name.split('.')
      const parent = (context as Record<string, unknown>)[group]
      const value = isRecord(parent) ? parent[field] : undefined
      if (value !== undefined)
        writeValue(sink, `${group}_${field}`, value, `context.${name}`, group, ctx)
    }
  }

  const text = (field: string): string | undefined => {
    const given = std[field]
    return given && textField(given[0], given[2], given[1], ctx)
  }
  // The email is an identifier (user.ts reads it, as text only): here it is only warned.
  const email = std.email
  if (email !== undefined && typeof email[0] !== 'string') {
    const message = `"${email[2]}" must be text, got ${describe(email[0])}; dropped`
    warn(warnings, 'dropped_value', email[1], message)
  }
  const name = fullName(text('name'), text('firstName'), text('lastName'), std, ctx)
  if (name !== undefined) out.name = name
  for (const field of ['phone', 'avatar'] as const) {
    const v = text(field)
    if (v !== undefined) out[field] = v
  }
  const created = std.signedUpAt
  const signedUpAt = created && dateField(created[0], created[1], ctx)
  if (signedUpAt !== undefined) out.signedUpAt = signedUpAt
  const owner = std.ownerId
  const ownerId = owner && adminId(owner[0], owner[1], ctx)
  if (owner && ownerId !== undefined) {
    out.ownerId = ownerId
    out.ownerPath = owner[1]
  }
  const last = std.lastSeenAt
  applyLastSeen(out, last && [last[1], last[0]], context, ctx)
  for (const key of ['ip', 'userAgent'] as const) {
    const v = context?.[key]
    if (typeof v === 'string' && v !== '') out[key] = v
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
  std: Record<string, Given>,
  ctx: NormalizeContext,
): string | undefined {
  const parts = [first?.trim(), last?.trim()].filter((p) => p !== undefined && p !== '')
  const namePath = std.name?.[1] ?? ''
  // A blank name never hides a real first/last name.
  if (name !== undefined && (name.trim() !== '' || parts.length === 0)) {
    for (const f of ['firstName', 'lastName']) {
      const given = std[f]
      if (given !== undefined)
        warn(ctx.warnings, 'superseded', given[1], `"${namePath}" is the name; ignored`)
    }
    return fitString(name, namePath, ctx)
  }
  if (parts.length === 0) return undefined
  if (name !== undefined) {
    warn(ctx.warnings, 'superseded', namePath, 'Blank; the first and last name are used instead')
  }
  return fitString(parts.join(' '), (std.firstName ?? std.lastName)?.[1] ?? '', ctx)
}

/**
 * `traits.company`, then `traits.companies`. A company id given twice is one company:
 * the first wins and a later one is warned `superseded` (sending both would let the
 * targets' upserts race, and the Messenger would receive the id twice).
 */
function companies(std: Record<string, Given>, ctx: NormalizeContext): NormalizedCompany[] {
  const list: NormalizedCompany[] = []
  const byId: Record<string, string> = {}
  const add = (value: unknown, path: string) => {
    const c = normalizeCompany(value, path, ctx)
    if (c && firstSpelling(byId, `company id "${c.companyId}"`, path, ctx.warnings)) list.push(c)
  }
  const [one, at] = std.company ?? []
  if (at !== undefined) add(one, at)
  const [many, path = ''] = std.companies ?? []
  if (Array.isArray(many)) {
    many.forEach((item: unknown, i) => {
      add(item, `${path}.${i}`)
    })
  } else if (many !== undefined) {
    const message = `"companies" must be an array, got ${describe(many)}; dropped`
    warn(ctx.warnings, 'dropped_value', path, message)
  }
  return list
}

/** An Intercom admin id (a contact's owner): a positive integer, or its digits as text (converted). */
function adminId(value: unknown, path: string, ctx: NormalizeContext): number | undefined {
  const n = typeof value === 'string' && /^[1-9][0-9]{0,15}$/.test(value) ? Number(value) : value
  if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0) {
    if (n !== value)
      warn(ctx.warnings, 'converted', path, `Text "${value}" sent as the admin id ${n}`)
    return n
  }
  const message = `An owner must be an Intercom admin id (a positive integer), got ${describe(value)}; not sent`
  warn(ctx.warnings, 'dropped_value', path, message)
  return undefined
}
