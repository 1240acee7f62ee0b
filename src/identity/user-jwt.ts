/**
 * Intercom Messenger security: the `intercom_user_jwt` value.
 * @module
 */
import { hmac } from '@noble/hashes/hmac'
import { sha256 } from '@noble/hashes/sha2'
import { utf8ToBytes } from '@noble/hashes/utils'
import { describeWithArticle } from '../_lib/describe.js'
import { IdentityInputError, requireNonEmptyString } from './errors.js'

/** A value {@link userJwt} can sign. A `Date` is written as unix seconds, rounded down. */
export type UserJwtClaimValue = string | number | boolean | Date

/**
 * The payload of an Intercom user JWT.
 *
 * `user_id` is required; `email` and `exp` are optional. Intercom also lets you sign other
 * user attributes into the token (so the browser cannot alter them); pass them as extra
 * properties. Properties whose value is `undefined` are left out of the token.
 */
export interface UserJwtClaims {
  /** The user id exactly as sent to Intercom. Required, non-empty. */
  user_id: string
  /** The user's email. When present it must be a non-empty string. */
  email?: string | undefined
  /**
   * Expiry as unix seconds, or a `Date`. Rounded down to whole seconds. Omit it for a token
   * that does not expire; {@link userJwt} never reads the clock.
   */
  exp?: number | Date | undefined
  /**
   * Any other claim (e.g. `iat`, `name`, a custom attribute). Numbers must be finite; a
   * `Date` becomes unix seconds, rounded down.
   */
  [claim: string]: UserJwtClaimValue | undefined
}

/** base64url('{"alg":"HS256","typ":"JWT"}'), the header of every token. */
const HEADER = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9'

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** RFC 4648 §5 base64url without padding, as JWS (RFC 7515) requires. */
function base64url(bytes: Uint8Array): string {
  let out = ''
  let buffer = 0
  let bits = 0
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte
    bits += 8
    while (bits >= 6) {
      bits -= 6
      out += BASE64URL.charAt((buffer >>> bits) & 63)
    }
    // Keep only the bits not yet written so `buffer` never grows past 14 bits.
    buffer &= (1 << bits) - 1
  }
  if (bits > 0) out += BASE64URL.charAt((buffer << (6 - bits)) & 63)
  return out
}

/** A `Date` or number as whole unix seconds; throws on NaN, ±Infinity and invalid dates. */
function toSeconds(value: number | Date, field: string): number {
  const seconds = value instanceof Date ? value.getTime() / 1000 : value
  if (!Number.isFinite(seconds)) {
    const what = value instanceof Date ? 'an invalid Date' : String(value)
    throw new IdentityInputError(field, `expected unix seconds or a valid Date, got ${what}`)
  }
  return Math.floor(seconds)
}

/** Validates one claim and returns its JSON value (`undefined` means: leave it out). */
function claimValue(key: string, value: unknown): string | number | boolean | undefined {
  const field = `claims.${key}`
  if (value === undefined) return undefined
  if (key === 'email') {
    requireNonEmptyString(value, field)
    return value
  }
  if (key === 'exp') {
    if (typeof value !== 'number' && !(value instanceof Date)) {
      throw new IdentityInputError(
        field,
        `expected unix seconds or a Date, got ${describeWithArticle(value)}`,
      )
    }
    return toSeconds(value, field)
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value
  if (value instanceof Date) return toSeconds(value, field)
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new IdentityInputError(field, `expected a finite number, got ${String(value)}`)
    }
    return value
  }
  throw new IdentityInputError(
    field,
    `expected a string, finite number, boolean or Date, got ${describeWithArticle(value)}`,
  )
}

/**
 * Signs an HS256 JSON Web Token for the Messenger's `intercom_user_jwt` (Intercom's
 * "Messenger security" / JWT identity verification). The header is
 * `{"alg":"HS256","typ":"JWT"}`; the payload is `user_id` then the other claims in their
 * own key order, minus `undefined` values, with `Date`s as unix seconds. Strings are UTF-8
 * encoded.
 *
 * Deterministic: it never reads the clock, so there is no `iat` unless you pass one, and no
 * `exp` unless you pass one.
 *
 * The secret must stay server-side: sign on your server and send only the token to the
 * browser or app. This subpath is never imported by the core entry, so browser bundles that
 * use `segment-intercom` do not include it.
 *
 * Synchronous and free of Node built-ins (it runs in edge runtimes too).
 *
 * @param secret - The Messenger security (identity verification) secret from Intercom.
 * @param claims - `user_id`, optionally `email`, `exp` and other user attributes to sign.
 * @returns The compact token `header.payload.signature`, each part base64url without padding.
 * @throws {@link IdentityInputError} when `secret` is not a non-empty string (`field`
 *   `'secret'`), `claims` is not an object (`'claims'`), `user_id` is missing or not a
 *   non-empty string (`'claims.user_id'`), `email` is not a non-empty string
 *   (`'claims.email'`), `exp` is not a finite number or valid Date (`'claims.exp'`), or
 *   another claim is not a string, finite number, boolean or valid Date (`'claims.<name>'`).
 *
 * @example
 * ```ts
 * import { userJwt } from 'segment-intercom/identity'
 *
 * const intercom_user_jwt = userJwt(process.env.INTERCOM_MESSENGER_SECRET!, {
 *   user_id: 'user-42',
 *   email: 'ada@example.com',
 *   exp: new Date(Date.now() + 60 * 60 * 1000), // one hour
 * })
 * // 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyX2lkIjoidXNlci00MiIs….…'
 * ```
 */
export function userJwt(secret: string, claims: UserJwtClaims): string {
  requireNonEmptyString(secret, 'secret')
  const isPlainish =
    typeof claims === 'object' &&
    claims !== null &&
    !Array.isArray(claims) &&
    !(claims instanceof Date)
  if (!isPlainish) {
    throw new IdentityInputError('claims', `expected an object, got ${describeWithArticle(claims)}`)
  }
  // Read user_id directly (not only via Object.keys) so it is required even when inherited.
  requireNonEmptyString(claims.user_id, 'claims.user_id')

  // A null-prototype object, so an own `__proto__` claim is written as data.
  const payload: Record<string, string | number | boolean> = Object.create(null)
  payload.user_id = claims.user_id
  for (const key of Object.keys(claims)) {
    if (key === 'user_id') continue
    const value = claimValue(key, claims[key])
    if (value !== undefined) payload[key] = value
  }

  const signingInput = `${HEADER}.${base64url(utf8ToBytes(JSON.stringify(payload)))}`
  const signature = hmac(sha256, utf8ToBytes(secret), utf8ToBytes(signingInput))
  return `${signingInput}.${base64url(signature)}`
}
