import { isRecord } from '../is-record.js'
import { describe, joinPath, warn } from '../warnings.js'
import type { NormalizeContext } from './context.js'
import { toUnixSeconds } from './dates.js'
import type { NormalizedCompany } from './model.js'
import { stringHash } from './string-hash.js'
import { attributeSink, fitString, writeValue } from './values.js'

/** Intercom stores `monthly_spend` as a signed 32-bit integer. */
const MAX_MONTHLY_SPEND = 2 ** 31 - 1

/** Company traits with a meaning of their own; the rest are custom attributes. */
const STANDARD = new Set([
  'id',
  'company_id',
  'name',
  'createdAt',
  'created_at',
  'plan',
  'monthlySpend',
  'monthly_spend',
  'employees',
  'size',
  'website',
  'industry',
  'remove',
])

/**
 * The company id Segment derives from a bare company name: the `string-hash`
 * value of the name, as a string ("Segment" → "2017828326").
 */
export function companyIdFromName(name: string): string {
  return String(stringHash(name))
}

/**
 * Normalizes a company given as an object or a bare name (`traits.company` on
 * identify, group traits). `companyId` is the group's `groupId`, which takes the
 * place of `id`. Returns `undefined` (with a warning) when the company has neither
 * an id nor a name, since Intercom cannot address it.
 */
export function normalizeCompany(
  input: unknown,
  path: string,
  ctx: NormalizeContext,
  companyId?: string,
): NormalizedCompany | undefined {
  if (typeof input === 'string') {
    const name = fitString(input, path, ctx)
    if (name === undefined || name.trim() === '') {
      warn(ctx.warnings, 'dropped_company', path, 'Empty company name; no company sent')
      return undefined
    }
    return { companyId: companyIdFromName(input), name, customAttributes: {}, remove: false, path }
  }
  if (!isRecord(input)) {
    warn(
      ctx.warnings,
      'dropped_company',
      path,
      `A company must be an object or a name, got ${describe(input)}; dropped`,
    )
    return undefined
  }

  const c: NormalizedCompany = { companyId: '', customAttributes: {}, remove: false, path }
  const text = (key: string, value: unknown): string | undefined => {
    const p = joinPath(path, key)
    if (typeof value === 'number' && Number.isFinite(value)) {
      warn(ctx.warnings, 'converted', p, `Number ${value} sent as text`)
      return String(value)
    }
    if (typeof value !== 'string') {
      warn(ctx.warnings, 'dropped_value', p, `Expected text, got ${describe(value)}; dropped`)
      return undefined
    }
    return fitString(value, p, ctx)
  }
  const integer = (key: string, value: unknown, max: number): number | undefined => {
    const p = joinPath(path, key)
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
    if (typeof n !== 'number' || !Number.isFinite(n)) {
      warn(ctx.warnings, 'dropped_value', p, `Expected a number, got ${describe(value)}; dropped`)
      return undefined
    }
    const r = Math.round(n)
    if (Math.abs(r) > max) {
      warn(ctx.warnings, 'dropped_value', p, `${n} is beyond Intercom's limit of ${max}; dropped`)
      return undefined
    }
    if (r !== value) {
      warn(
        ctx.warnings,
        'converted',
        p,
        `Intercom stores an integer; ${JSON.stringify(value)} sent as ${r}`,
      )
    }
    return r
  }
  const seen = new Set<string>()
  // `a` and `b` are two spellings of one field: the first present wins, the other is warned.
  const once = (field: string, key: string): boolean => {
    if (seen.has(field)) {
      warn(
        ctx.warnings,
        'superseded',
        joinPath(path, key),
        `Another spelling of "${field}" is already used; ignored`,
      )
      return false
    }
    seen.add(field)
    return true
  }

  const sink = attributeSink('company')
  let rawName: string | undefined
  for (const key in input) {
    const value = input[key]
    if (value === undefined) continue
    if (!STANDARD.has(key)) {
      writeValue(sink, key, value, joinPath(path, key), key, ctx)
      continue
    }
    switch (key) {
      case 'id':
      case 'company_id':
        if (companyId !== undefined) {
          warn(
            ctx.warnings,
            'superseded',
            joinPath(path, key),
            'The groupId is the company id; ignored',
          )
        } else if (once('id', key)) {
          const id = text(key, value)
          if (id !== undefined && id !== '') c.companyId = id
        }
        break
      case 'name': {
        const v = text(key, value)
        if (v !== undefined) {
          c.name = v
          rawName = typeof value === 'string' ? value : v
        }
        break
      }
      case 'createdAt':
      case 'created_at':
        if (once('createdAt', key)) {
          const t = toUnixSeconds(value)
          if (t === undefined) {
            warn(ctx.warnings, 'invalid_date', joinPath(path, key), 'Not a date; dropped')
          } else c.createdAt = t
        }
        break
      case 'plan': {
        const v = text(key, value)
        if (v !== undefined) c.plan = v
        break
      }
      case 'monthlySpend':
      case 'monthly_spend':
        if (once('monthlySpend', key)) {
          const v = integer(key, value, MAX_MONTHLY_SPEND)
          if (v !== undefined) c.monthlySpend = v
        }
        break
      case 'employees':
      case 'size':
        if (once('size', key)) {
          const v = integer(key, value, Number.MAX_SAFE_INTEGER)
          if (v !== undefined) c.size = v
        }
        break
      case 'website':
      case 'industry': {
        const v = text(key, value)
        if (v !== undefined) c[key] = v
        break
      }
      case 'remove':
        if (value === true) c.remove = true
        else if (value !== false) {
          warn(
            ctx.warnings,
            'dropped_value',
            joinPath(path, key),
            `"remove" must be a boolean, got ${describe(value)}; ignored`,
          )
        }
        break
    }
  }
  c.customAttributes = sink.out

  if (companyId !== undefined) c.companyId = companyId
  else if (c.companyId === '') {
    if (rawName === undefined || rawName.trim() === '') {
      warn(ctx.warnings, 'dropped_company', path, 'A company needs an id or a name; dropped')
      return undefined
    }
    // Hash the name as given, so truncation never changes the derived id.
    c.companyId = companyIdFromName(rawName)
  }
  return c
}
