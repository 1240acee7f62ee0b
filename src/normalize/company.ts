import { describe } from '../_lib/describe.js'
import { hasKeys, isRecord } from '../_lib/is-record.js'
import { COMPANY_FIELDS, traitFields } from '../intercom/attribute-names.js'
import { MAX_MONTHLY_SPEND } from '../intercom/limits.js'
import { joinPath, warn } from '../warnings.js'
import type { NormalizeContext } from './context.js'
import { dateField } from './date-field.js'
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

/** Company fields by trait name (`employees` → `size`, `created` → `createdAt`, …), and `remove`. */
const COMPANY_TRAITS = traitFields(COMPANY_FIELDS, { remove: 'remove' })
/** Fields more than one trait name fills: only these can be given twice. */
const SPELLED_SEVERAL_WAYS = new Set(
  [...COMPANY_TRAITS.values()].filter((f, i, all) => all.indexOf(f) !== i),
)

/** Reads one field's value; `undefined` (warned) when it cannot be sent. */
type Reader = (
  value: unknown,
  path: string,
  ctx: NormalizeContext,
  key: string,
) => string | number | boolean | undefined

/** A company text field: {@link textField}'s rule, then the 255-character rule. */
const text: Reader = (value, path, ctx, key) => {
  const v = textField(value, key, path, ctx)
  return v === undefined ? undefined : fitString(v, path, ctx)
}

/** An integer field: numeric text and fractions are converted (warned); beyond `max` dropped. */
const integer =
  (max: number): Reader =>
  (value, path, ctx) => {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
    if (typeof n !== 'number' || !Number.isFinite(n)) {
      warn(
        ctx.warnings,
        'dropped_value',
        path,
        `Expected a number, got ${describe(value)}; dropped`,
      )
      return undefined
    }
    const r = Math.round(n)
    if (Math.abs(r) > max) {
      warn(
        ctx.warnings,
        'dropped_value',
        path,
        `${n} is beyond Intercom's limit of ${max}; dropped`,
      )
      return undefined
    }
    if (r !== value) {
      const message = `Intercom stores an integer; ${JSON.stringify(value)} sent as ${r}`
      warn(ctx.warnings, 'converted', path, message)
    }
    return r
  }

/** How each company field is read, by model field: one rule per field. */
const READERS: Readonly<Record<string, Reader>> = {
  companyId: text,
  name: text,
  createdAt: dateField,
  plan: text,
  monthlySpend: integer(MAX_MONTHLY_SPEND),
  size: integer(Number.MAX_SAFE_INTEGER),
  website: text,
  industry: text,
  remove: (value, path, ctx) => {
    if (typeof value === 'boolean') return value
    const message = `"remove" must be a boolean, got ${describe(value)}; ignored`
    warn(ctx.warnings, 'dropped_value', path, message)
    return undefined
  },
}

/**
 * Normalizes a company given as an object or a bare name (`traits.company` on
 * identify, group traits). `companyId` is the group's `groupId`, which takes the
 * place of `id`. Each field's first spelling wins (a later one is warned); other keys
 * are custom attributes. Returns `undefined` (with a warning) when the company has
 * neither an id nor a name, since Intercom cannot address it.
 */
export function normalizeCompany(
  input: unknown,
  path: string,
  ctx: NormalizeContext,
  companyId?: string,
): NormalizedCompany | undefined {
  const warnings = ctx.warnings
  if (typeof input === 'string') {
    const name = fitString(input, path, ctx)
    if (name === undefined || name.trim() === '') {
      warn(warnings, 'dropped_company', path, 'Empty company name; no company sent')
      return undefined
    }
    return { companyId: companyIdFromName(input), name, customAttributes: {}, remove: false, path }
  }
  if (!isRecord(input)) {
    const message = `A company must be an object or a name, got ${describe(input)}; dropped`
    warn(warnings, 'dropped_company', path, message)
    return undefined
  }

  const c: NormalizedCompany = { companyId: '', customAttributes: {}, remove: false, path }
  const fields = c as unknown as Record<string, unknown>
  const sink = attributeSink('company')
  const spellings: Record<string, string> = {}
  // The name as given: the derived id hashes it whole, even when the name sent is cut.
  let rawName: string | undefined
  for (const key in input) {
    const value = input[key]
    if (value === undefined) continue
    const p = joinPath(path, key)
    const field = COMPANY_TRAITS.get(key)
    if (field === undefined) writeValue(sink, key, value, p, key, ctx)
    else if (field === 'companyId' && companyId !== undefined) {
      // The same id again (warehouse syncs send it as a column too) loses nothing.
      if (value !== companyId)
        warn(warnings, 'superseded', p, 'The groupId is the company id; ignored')
    } else if (!SPELLED_SEVERAL_WAYS.has(field) || firstSpelling(spellings, field, p, warnings)) {
      const v = READERS[field]?.(value, p, ctx, key)
      // An empty id is none (the name may give one); an empty name is sent as given.
      if (v === undefined || (v === '' && field === 'companyId')) continue
      fields[field] = v
      if (field === 'name') rawName = typeof value === 'string' ? value : String(v)
      if (key === 'employees') c.inputKeys = { size: key }
    }
  }
  c.customAttributes = sink.out
  if (hasKeys(sink.paths)) c.attributePaths = sink.paths

  if (companyId !== undefined) c.companyId = companyId
  else if (c.companyId === '') {
    if (rawName === undefined || rawName.trim() === '') {
      warn(warnings, 'dropped_company', path, 'A company needs an id or a name; dropped')
      return undefined
    }
    c.companyId = companyIdFromName(rawName)
  }
  return c
}
