import { describe } from '../_lib/describe.js'
import { warn } from '../warnings.js'
import type { NormalizeContext } from './context.js'
import { firstSpelling } from './first-spelling.js'
import type { IntercomOptions, NormalizedIdentify } from './model.js'

type Base = Pick<NormalizedIdentify, 'user' | 'options' | 'optionPaths'>

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
 * The identify traits that are identity or Intercom options, never attributes:
 *
 * - `traits.userId` / `user_id` / `external_id` (analytics-android copies `userId` into
 *   every identify's traits; Segment's mobile integrations read it as the user id):
 *   the user id when the event has none (see `resolveUser`); one that disagrees with
 *   the user id is warned `identity_trait` and not sent.
 * - `traits.anonymousId` (analytics-android's bookkeeping): never sent, warned.
 * - `traits.id` (Segment's "unique id in your database"): the user id when equal to it;
 *   else warned, since Intercom assigns its own contact id.
 * - `traits.unsubscribed_from_emails` / `language_override` (and camelCase): the
 *   Intercom options of those names; an option set in `integrations.Intercom` wins.
 */
export class IdentityTraits {
  private options: IntercomOptions | undefined
  private optionPaths: NormalizedIdentify['optionPaths'] | undefined

  constructor(
    private readonly base: Base,
    private readonly ctx: NormalizeContext,
  ) {}

  /** Reads one identity trait (`field` as in the trait table: `user.userId`, `id`, `anonymousId`). */
  read(field: 'user.userId' | 'id' | 'anonymousId', key: string, value: unknown, path: string) {
    const warnings = this.ctx.warnings
    if (field === 'anonymousId') {
      const message = `An anonymous id is the SDK's, not a user attribute (Intercom users are identified by userId or email); not sent`
      warn(warnings, 'identity_trait', path, message)
      return
    }
    const userId = this.base.user.userId
    const id = identityText(value)
    if (id === undefined) {
      if (value === null) return warn(warnings, 'identity_trait', path, 'An empty id; not sent')
      const message = `"${key}" must be an id (text or a number), got ${describe(value)}; not sent`
      return warn(warnings, 'dropped_value', path, message)
    }
    if (id === userId) {
      if (typeof value === 'number') warn(warnings, 'converted', path, `Number ${id} sent as text`)
      return
    }
    const message =
      field === 'id'
        ? `"${key}" (${JSON.stringify(id)}) is not the user id${userId === undefined ? '' : ` ("${userId}")`}, and Intercom assigns its own contact id; not sent`
        : `The user id is "${userId}" (userId); "${key}" (${JSON.stringify(id)}) differs and is not sent`
    warn(warnings, 'identity_trait', path, message)
  }

  /** Reads a trait that sets an Intercom option (`unsubscribedFromEmails`, `languageOverride`). */
  option(name: string, key: string, value: unknown, path: string) {
    const warnings = this.ctx.warnings
    let v: boolean | string | undefined
    if (name === 'unsubscribedFromEmails') {
      if (typeof value === 'boolean') v = value
      else if (value === 'true' || value === 'false') {
        v = value === 'true'
        warn(warnings, 'converted', path, `Text "${value}" sent as the boolean ${value}`)
      }
    } else if (typeof value === 'string' && value !== '') v = value
    if (v === undefined) {
      const type = name === 'unsubscribedFromEmails' ? 'a boolean' : 'non-empty text'
      const message = `"${key}" must be ${type}, got ${describe(value)}; not sent`
      return warn(warnings, 'dropped_value', path, message)
    }
    this.optionPaths ??= { ...this.base.optionPaths }
    const option = name as keyof IntercomOptions
    if (!firstSpelling(this.optionPaths, option, path, warnings)) return
    this.options ??= { ...this.base.options }
    ;(this.options as Record<string, unknown>)[option] = v
  }

  /** The options and their paths, when a trait set one (copies: the base's may be shared). */
  result(): Partial<Base> {
    if (this.optionPaths === undefined) return {}
    return { options: this.options ?? this.base.options, optionPaths: this.optionPaths }
  }
}
