/**
 * `segment-intercom/identity`: server-side helpers for Intercom identity verification.
 *
 * Both helpers take a secret that must never reach a browser or app. The core
 * `segment-intercom` entry never imports this subpath, so browser bundles do not include
 * it (or its hashing dependency). Unlike the mapping functions, these helpers throw
 * {@link IdentityInputError} on bad input, because a hash or token has no result envelope.
 *
 * @example
 * ```ts
 * import { userHash, userJwt } from 'segment-intercom/identity'
 *
 * const user_hash = userHash(process.env.INTERCOM_IDENTITY_SECRET!, user.id)
 * const intercom_user_jwt = userJwt(process.env.INTERCOM_MESSENGER_SECRET!, { user_id: user.id })
 * ```
 * @module
 */
export { IdentityInputError } from './errors.js'
export { userHash } from './user-hash.js'
export type { UserJwtClaims, UserJwtClaimValue } from './user-jwt.js'
export { userJwt } from './user-jwt.js'
