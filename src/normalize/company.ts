import { describe } from '../_lib/describe.js'
import { hasKeys, isRecord } from '../_lib/is-record.js'
import { COMPANY_FIELDS, traitFields } from '../intercom/attribute-names.js'
import { MAX_MONTHLY_SPEND } from '../intercom/limits.js'
import { joinPath, warn } from '../warnings.js'
import type { NormalizeContext } from './context.js'
import { dateSeconds } from './dates.js'
import { firstSpelling } from './first-spelling.js'
import type { NormalizedCompany } from './model.js'
import { stringHash } from './string-hash.js'
import { textField } from './text.js'
import { attributeSink, fitString, writeValue } from './values.js'

/**
 * The company id Segment derives from a bare company name: the `string-hash`
 * value of the name, as a string ("Segment" → "2017828326").
 */
export function companyIdFromName(name: string): string {
  return String(stringHash(name))
}

/** Company fields by trait name (`employees` → `size`, `created` → `createdAt`, …). */
const COMPANY_TRAITS = traitFields(COMPANY_FIELDS)

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
  const sink = attributeSink('company')
  const inputKeys: NonNullable<NormalizedCompany['inputKeys']> = {}
  let rawName: string | undefined
  // Fields with two spellings: the first present wins, the other is warned.
  const spellings: Record<string, string> = {}
  const once = (field: string, key: string): boolean =>
    firstSpelling(spellings, field, joinPath(path, key), ctx.warnings)
  for (const key in input) {
    const value = input[key]
    if (value === undefined) continue
    const p = joinPath(path, key)
    const field = key === 'remove' ? 'remove' : COMPANY_TRAITS.get(key)
    switch (field) {
      case 'companyId':
        if (companyId !== undefined) {
          // The same id again (warehouse syncs send it as a column too) loses nothing.
          if (value !== companyId)
            warn(ctx.warnings, 'superseded', p, 'The groupId is the company id; ignored')
        } else if (once('companyId', key)) {
          const id = text(value, key, p, ctx)
          if (id !== undefined && id !== '') c.companyId = id
        }
        break
      case 'name': {
        const v = text(value, key, p, ctx)
        if (v !== undefined) {
          c.name = v
          rawName = typeof value === 'string' ? value : v
        }
        break
      }
      case 'createdAt':
        if (once('createdAt', key)) {
          const t = dateSeconds(value, p, ctx.warnings)
          if (t === undefined) warn(ctx.warnings, 'invalid_date', p, 'Not a date; dropped')
          else c.createdAt = t
        }
        break
      case 'plan': {
        const v = text(value, key, p, ctx)
        if (v !== undefined) c.plan = v
        break
      }
      case 'monthlySpend':
        if (once('monthlySpend', key)) {
          const v = integer(value, p, MAX_MONTHLY_SPEND, ctx)
          if (v !== undefined) c.monthlySpend = v
        }
        break
      case 'size':
        if (once('size', key)) {
          const v = integer(value, p, Number.MAX_SAFE_INTEGER, ctx)
          if (v !== undefined) {
            c.size = v
            if (key !== 'size') inputKeys.size = key
          }
        }
        break
      case 'website':
      case 'industry': {
        const v = text(value, key, p, ctx)
        if (v !== undefined) c[field] = v

        break
      }
      case 'remove':
        if (value === true) c.remove = true
        else if (value !== false) {
          const message = `"remove" must be a boolean, got ${describe(value)}; ignored`
          warn(ctx.warnings, 'dropped_value', p, message)
        }
        break
      default:
        writeValue(sink, key, value, p, key, ctx)
    }
  }
  c.customAttributes = sink.out
  if (hasKeys(sink.paths)) c.attributePaths = sink.paths
  if (hasKeys(inputKeys)) c.inputKeys = inputKeys

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

/** A company text field: {@link textField}'s rule, then the 255-character rule. */
function text(
  value: unknown,
  key: string,
  path: string,
  ctx: NormalizeContext,
): string | undefined {
  const v = textField(value, key, path, ctx)
  return v === undefined ? undefined : fitString(v, path, ctx)
}

/** An integer field: numeric text and fractions are converted (warned); beyond `max` dropped. */
function integer(
  value: unknown,
  path: string,
  max: number,
  ctx: NormalizeContext,
): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    warn(ctx.warnings, 'dropped_value', path, `Expected a number, got ${describe(value)}; dropped`)
    return undefined
  }
  const r = Math.round(n)
  if (Math.abs(r) > max) {
    warn(ctx.warnings, 'dropped_value', path, `${n} is beyond Intercom's limit of ${max}; dropped`)
    return undefined
  }
  if (r !== value) {
    const message = `Intercom stores an integer; ${JSON.stringify(value)} sent as ${r}`
    warn(ctx.warnings, 'converted', path, message)
  }
  return r
}
