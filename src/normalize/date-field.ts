import { warn } from '../warnings.js'
import type { NormalizeContext } from './context.js'
import { dateSeconds } from './dates.js'

/**
 * A standard date field (a contact's sign-up time, a company's creation time) in unix
 * seconds: {@link dateSeconds}' rule; a value that is no date is dropped, warned
 * `invalid_date`.
 */
export function dateField(value: unknown, path: string, ctx: NormalizeContext): number | undefined {
  const t = dateSeconds(value, path, ctx.warnings)
  if (t === undefined) warn(ctx.warnings, 'invalid_date', path, 'Not a date; dropped')
  return t
}
