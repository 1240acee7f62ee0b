/**
 * The error thrown by the identity helpers.
 * @module
 */
import { describeWithArticle } from '../_lib/describe.js'

/**
 * Thrown by {@link userHash} and {@link userJwt} when an argument is unusable (an empty or
 * non-string secret or user id, a non-finite `exp`, …).
 *
 * These helpers are the only functions in the library that throw: the mapping functions
 * report problems in their result envelope, but a hash or token has no envelope to carry
 * an error, and signing a wrong value must never happen silently.
 *
 * @example
 * ```ts
 * import { IdentityInputError, userHash } from 'segment-intercom/identity'
 *
 * try {
 *   userHash(process.env.INTERCOM_SECRET ?? '', user.id)
 * } catch (error) {
 *   if (error instanceof IdentityInputError) console.error(error.field, error.message)
 *   else throw error
 * }
 * ```
 */
export class IdentityInputError extends TypeError {
  /** The offending argument, e.g. `secret`, `userId`, `claims.user_id`, `claims.exp`. */
  readonly field: string

  constructor(field: string, message: string) {
    super(`${field}: ${message}`)
    this.name = 'IdentityInputError'
    this.field = field
  }
}

/** Throws unless `value` is a non-empty string. */
export function requireNonEmptyString(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string') {
    throw new IdentityInputError(
      field,
      `expected a non-empty string, got ${describeWithArticle(value)}`,
    )
  }
  if (value === '') throw new IdentityInputError(field, 'expected a non-empty string, got ""')
}
