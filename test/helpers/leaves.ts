import type { Warning } from '../../src/index.js'
import { toUnixSeconds } from '../../src/normalize/dates.js'

/** A primitive value of the input and its path (`traits.address.city`), as warnings name it. */
export interface Leaf {
  path: string
  value: unknown
}

/**
 * Every leaf under `value`, with its path built as the library builds warning paths
 * (`parent.key`, arrays by index). An empty object or array is a leaf of its own: it
 * has nothing to send, so it must be warned.
 */
export function leaves(value: unknown, path: string, out: Leaf[] = []): Leaf[] {
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    const keys = Object.keys(value)
    if (keys.length === 0) out.push({ path, value })
    for (const key of keys) {
      const child = (value as Record<string, unknown>)[key]
      if (child !== undefined) leaves(child, `${path}.${key}`, out)
    }
  } else if (value !== undefined) out.push({ path, value })
  return out
}

/** Every primitive anywhere in `output` (request bodies, call arguments). */
export function sentValues(output: unknown, out = new Set<unknown>()): Set<unknown> {
  if (typeof output === 'object' && output !== null) {
    for (const v of Object.values(output)) sentValues(v, out)
  } else out.add(output)
  return out
}

/** Whether a warning names `path` or one of its ancestors (a whole-value drop or conversion). */
export function warnedAtOrAbove(warnings: readonly Warning[], path: string): boolean {
  return warnings.some((w) => w.path === path || path.startsWith(`${w.path}.`))
}

/**
 * The forms a value may be sent in by a documented mapping that is not warned: as
 * given, as text (ids), as unix seconds (the date fields), as integer cents (revenue).
 */
function sentForms(value: unknown): unknown[] {
  const forms: unknown[] = [value, String(value)]
  const t =
    typeof value === 'string' || typeof value === 'number' ? toUnixSeconds(value) : undefined
  if (t !== undefined) forms.push(t)
  if (typeof value === 'number') forms.push(Math.round(value * 100))
  if (typeof value === 'string') forms.push(value.toLowerCase())
  return forms
}

/**
 * The leaves of `input` that are neither sent (their value appears in the output, in
 * one of its {@link sentForms}) nor named by a warning at their path or an ancestor's.
 * Empty means nothing was lost silently.
 */
export function unaccounted(input: Leaf[], output: unknown, warnings: readonly Warning[]): Leaf[] {
  const sent = sentValues(output)
  return input.filter(
    ({ path, value }) =>
      !warnedAtOrAbove(warnings, path) && !sentForms(value).some((f) => sent.has(f)),
  )
}
