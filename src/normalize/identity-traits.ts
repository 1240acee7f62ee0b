import { describe } from '../_lib/describe.js'
import type { Warning } from '../types.js'
import { warn } from '../warnings.js'
import { firstSpelling } from './first-spelling.js'
import type { IntercomOptions, NormalizedIdentify } from './model.js'

/**
 * An identifier given as a trait: non-empty text, or a finite number (its digits,
 * as for the event's own `userId`). `undefined` for anything else.
 */
export function identityText(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return undefined
}

/**
 * Reads an identify trait that is identity, never an attribute (`field` as in the
 * trait table), and warns about it unless it only repeats the user id:
 *
 * - `traits.userId` / `user_id` / `external_id` (analytics-android copies `userId` into
 *   every identify's traits; Segment's mobile integrations read it as the user id):
 *   the user id when the event has none (see `resolveUser`); one that disagrees with
 *   the user id is warned `identity_trait` and not sent.
 * - `traits.anonymousId` (analytics-android's bookkeeping): never sent, warned.
 * - `traits.id` (Segment's "unique id in your database"): the user id when equal to it;
 *   else warned, since Intercom assigns its own contact id.
 */
export function readIdentityTrait(
  field: 'user.userId' | 'id' | 'anonymousId',
  key: string,
  value: unknown,
  path: string,
  userId: string | undefined,
  warnings: Warning[],
): void {
  const id = identityText(value)
  // Intercom users are identified by userId or email; the SDK's anonymous id is neither.
  if (field === 'anonymousId') {
    warn(
      warnings,
      'identity_trait',
      path,
      "The SDK's anonymous id is not a user attribute; not sent",
    )
  } else if (id === undefined) {
    if (value === null) warn(warnings, 'identity_trait', path, 'An empty id; not sent')
    else {
      const message = `"${key}" must be an id (text or a number), got ${describe(value)}; not sent`
      warn(warnings, 'dropped_value', path, message)
    }
  } else if (id !== userId) {
    const message =
      field === 'id'
        ? `"${id}" is not the user id, and Intercom assigns its own contact id; not sent`
        : `"${id}" differs from the user id "${userId}"; not sent`
    warn(warnings, 'identity_trait', path, message)
  } else if (typeof value === 'number') {
    warn(warnings, 'converted', path, `Number ${id} sent as text`)
  }
}

/**
 * Reads a trait that sets an Intercom option (`traits.unsubscribed_from_emails` /
 * `language_override`, and camelCase) into `m`'s options; an option set in
 * `integrations.Intercom` (already in `m.optionPaths`) wins, as the first spelling.
 */
export function readOptionTrait(
  name: keyof IntercomOptions,
  key: string,
  value: unknown,
  path: string,
  m: Pick<NormalizedIdentify, 'options' | 'optionPaths'>,
  warnings: Warning[],
): void {
  const flag = name === 'unsubscribedFromEmails'
  let v = value
  if (flag && (value === 'true' || value === 'false')) {
    v = value === 'true'
    warn(warnings, 'converted', path, `Text "${value}" sent as the boolean ${value}`)
  }
  if (flag ? typeof v !== 'boolean' : typeof v !== 'string' || v === '') {
    const message = `"${key}" must be ${flag ? 'a boolean' : 'non-empty text'}, got ${describe(value)}; not sent`
    warn(warnings, 'dropped_value', path, message)
  } else if (firstSpelling(m.optionPaths, name, path, warnings)) {
    ;(m.options as Record<string, unknown>)[name] = v
  }
}
