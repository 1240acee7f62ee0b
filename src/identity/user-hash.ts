/**
 * Intercom identity verification: the `user_hash` value.
 * @module
 */
import { hmac } from '@noble/hashes/hmac'
import { sha256 } from '@noble/hashes/sha2'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils'
import { requireNonEmptyString } from './errors.js'

/**
 * Computes Intercom's identity-verification `user_hash`: the lowercase hex HMAC-SHA256 of
 * `userId`, keyed by the workspace's identity-verification secret. Both strings are
 * UTF-8 encoded; a lone surrogate is encoded as U+FFFD, exactly as Node's
 * `createHmac(...).update(string)` and `TextEncoder` do, so results match Node-side code.
 *
 * The secret must stay server-side: compute the hash on your server and send only the
 * result to the browser or app. This subpath is never imported by the core entry, so
 * browser bundles that use `segment-intercom` do not include it.
 *
 * Synchronous and free of Node built-ins (it runs in edge runtimes too).
 *
 * @param secret - The identity-verification secret from Intercom's settings.
 * @param userId - The user id exactly as sent to Intercom (`user_id`).
 * @returns 64 lowercase hex characters (the mobile SDKs reject uppercase).
 * @throws {@link IdentityInputError} when `secret` or `userId` is not a non-empty string
 *   (`field` is `'secret'` or `'userId'`).
 *
 * @example
 * ```ts
 * import { userHash } from 'segment-intercom/identity'
 *
 * const user_hash = userHash(process.env.INTERCOM_IDENTITY_SECRET!, 'user-42')
 * // e.g. 'c1a9…' (64 lowercase hex characters), sent with the user's `boot`/`identify`
 * ```
 */
export function userHash(secret: string, userId: string): string {
  requireNonEmptyString(secret, 'secret')
  requireNonEmptyString(userId, 'userId')
  return bytesToHex(hmac(sha256, utf8ToBytes(secret), utf8ToBytes(userId)))
}
