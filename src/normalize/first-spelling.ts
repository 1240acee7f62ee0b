import type { Warning } from '../types.js'
import { warn } from '../warnings.js'

/**
 * The one rule for a field given under several spellings (`firstName` /
 * `first_name`, `id` / `company_id`, `user_hash` / `userHash`): the first spelling
 * read wins, every later one is warned `superseded` and ignored.
 *
 * `used` maps each field to the input path of the spelling that won. Returns
 * whether `path` is the first spelling of `field` (and records it).
 */
export function firstSpelling(
  used: Partial<Record<string, string>>,
  field: string,
  path: string,
  warnings: Warning[],
): boolean {
  const first = used[field]
  if (first === undefined) {
    used[field] = path
    return true
  }
  warn(warnings, 'superseded', path, `"${first}" is used for ${field}; ignored`)
  return false
}
