import { describe, expectTypeOf, it } from 'vitest'
import {
  IdentityInputError,
  type UserJwtClaims,
  type UserJwtClaimValue,
  userHash,
  userJwt,
} from '../../src/identity/index.js'

describe('identity types', () => {
  it('userHash takes two strings and returns a string', () => {
    expectTypeOf(userHash).toEqualTypeOf<(secret: string, userId: string) => string>()
  })

  it('userJwt takes a secret and claims and returns a string', () => {
    expectTypeOf(userJwt).parameters.toEqualTypeOf<[secret: string, claims: UserJwtClaims]>()
    expectTypeOf(userJwt).returns.toEqualTypeOf<string>()
  })

  it('UserJwtClaims requires user_id and types the known claims', () => {
    expectTypeOf<UserJwtClaims['user_id']>().toEqualTypeOf<string>()
    expectTypeOf<UserJwtClaims['email']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<UserJwtClaims['exp']>().toEqualTypeOf<number | Date | undefined>()
    expectTypeOf<UserJwtClaimValue>().toEqualTypeOf<string | number | boolean | Date>()
    expectTypeOf({ user_id: 'u' }).toExtend<UserJwtClaims>()
    expectTypeOf({
      user_id: 'u',
      email: 'e',
      exp: new Date(),
      plan: 'pro',
      vip: true,
    }).toExtend<UserJwtClaims>()
    expectTypeOf({ email: 'e' }).not.toExtend<UserJwtClaims>()
    expectTypeOf({ user_id: 1 }).not.toExtend<UserJwtClaims>()
    expectTypeOf({ user_id: 'u', exp: '1700000000' }).not.toExtend<UserJwtClaims>()
    expectTypeOf({ user_id: 'u', nested: { a: 1 } }).not.toExtend<UserJwtClaims>()
    expectTypeOf({ user_id: 'u', nothing: null }).not.toExtend<UserJwtClaims>()
  })

  it('rejects bad calls at compile time', () => {
    // @ts-expect-error user_id is required
    userJwt('s', { email: 'e' })
    // @ts-expect-error claims values must be primitives or Dates
    userJwt('s', { user_id: 'u', tags: ['a'] })
    // @ts-expect-error the user id must be a string
    userHash('s', 42)
  })

  it('IdentityInputError is a TypeError with a field', () => {
    expectTypeOf<IdentityInputError>().toExtend<TypeError>()
    expectTypeOf<IdentityInputError['field']>().toEqualTypeOf<string>()
    expectTypeOf(IdentityInputError).constructorParameters.toEqualTypeOf<
      [field: string, message: string]
    >()
  })
})
