import { describe } from '../_lib/describe.js'
import { isRecord } from '../_lib/is-record.js'
import type { IdentifyEvent } from '../event/types.js'
import { warn } from '../warnings.js'
import { normalizeCompany } from './company.js'
import type { NormalizeContext } from './context.js'
import { toUnixSeconds } from './dates.js'
import { applyLastSeen } from './last-seen.js'
import type { NormalizedCompany, NormalizedIdentify } from './model.js'
import { attributeSink, fitString, writeValue } from './values.js'

/**
 * Traits with a meaning of their own, each with the spellings Segment's libraries
 * accept (camelCase and snake_case); every other trait is a custom attribute.
 */
const STANDARD: Record<string, string> = {
  email: 'email',
  name: 'name',
  firstName: 'firstName',
  first_name: 'firstName',
  lastName: 'lastName',
  last_name: 'lastName',
  phone: 'phone',
  avatar: 'avatar',
  createdAt: 'createdAt',
  created_at: 'createdAt',
  signedUpAt: 'createdAt',
  signed_up_at: 'createdAt',
  lastRequestAt: 'lastRequestAt',
  last_request_at: 'lastRequestAt',
  company: 'company',
  companies: 'companies',
}

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
): NormalizedIdentify {
  const traits = isRecord(event.traits) ? event.traits : {}
  const std: Record<string, [string, unknown]> = {}
  const sink = attributeSink()
  for (const key in traits) {
    const value = traits[key]
    if (value === undefined) continue
    // hasOwn: a trait named `toString` or `__proto__` is a custom attribute, not a field.
    const field = Object.hasOwn(STANDARD, key) ? STANDARD[key] : undefined
    if (field === undefined) writeValue(sink, key, value, `traits.${key}`, key, ctx)
    else if (std[field] === undefined) std[field] = [key, value]
    else
      warn(
        ctx.warnings,
        'superseded',
        `traits.${key}`,
        `"traits.${std[field][0]}" is used for ${field}; ignored`,
      )
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
    companies: [],
    customAttributes: sink.out,
    active: context?.active !== false,
  }
  const text = (field: string): string | undefined => {
    const entry = std[field]
    if (entry === undefined) return undefined
    const [key, value] = entry
    if (typeof value === 'string') return value
    if (typeof value === 'number' && Number.isFinite(value) && field === 'phone') {
      warn(ctx.warnings, 'converted', `traits.${key}`, `Number ${value} sent as text`)
      return String(value)
    }
    warn(
      ctx.warnings,
      'dropped_value',
      `traits.${key}`,
      `"${key}" must be text, got ${describe(value)}; dropped`,
    )
    return undefined
  }

  text('email') // identity already took it; this only warns when it is not text
  const name = fullName(text('name'), text('firstName'), text('lastName'), std, ctx)
  if (name !== undefined) out.name = name
  const phone = text('phone')
  if (phone !== undefined) out.phone = phone
  const avatar = text('avatar')
  if (avatar !== undefined) out.avatar = avatar
  const created = std.createdAt
  if (created !== undefined) {
    const t = toUnixSeconds(created[1])
    if (t === undefined)
      warn(ctx.warnings, 'invalid_date', `traits.${created[0]}`, 'Not a date; dropped')
    else out.signedUpAt = t
  }
  const lastTrait = std.lastRequestAt
  applyLastSeen(out, lastTrait && [`traits.${lastTrait[0]}`, lastTrait[1]], context, ctx)
  if (isRecord(context)) {
    if (typeof context.ip === 'string' && context.ip !== '') out.ip = context.ip
    if (typeof context.userAgent === 'string' && context.userAgent !== '')
      out.userAgent = context.userAgent
  }
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

function companies(
  std: Record<string, [string, unknown]>,
  ctx: NormalizeContext,
): NormalizedCompany[] {
  const list: NormalizedCompany[] = []
  const one = std.company
  if (one !== undefined) {
    const c = normalizeCompany(one[1], 'traits.company', ctx)
    if (c !== undefined) list.push(c)
  }
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
        const c = normalizeCompany(item, `traits.companies.${i}`, ctx)
        if (c !== undefined) list.push(c)
      })
    }
  }
  return list
}
