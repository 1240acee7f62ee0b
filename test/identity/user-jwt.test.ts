import { createHmac, timingSafeEqual } from 'node:crypto'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { IdentityInputError, type UserJwtClaims, userJwt } from '../../src/identity/index.js'

interface Decoded {
  header: unknown
  payload: Record<string, unknown>
  payloadJson: string
}

/**
 * An independent HS256 verifier built on node:crypto: checks the compact shape, that every
 * part is canonical unpadded base64url (re-encoding with Node gives the same text), and the
 * signature (recomputed with createHmac, compared with timingSafeEqual).
 */
function verify(token: string, secret: string): Decoded {
  const parts = token.split('.')
  expect(parts).toHaveLength(3)
  const [header, payload, signature] = parts as [string, string, string]
  for (const part of parts) {
    expect(part).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(Buffer.from(part, 'base64url').toString('base64url')).toBe(part)
  }
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest()
  const actual = Buffer.from(signature, 'base64url')
  expect(actual.length).toBe(expected.length)
  expect(timingSafeEqual(actual, expected)).toBe(true)
  const payloadJson = Buffer.from(payload, 'base64url').toString('utf8')
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')),
    payload: JSON.parse(payloadJson),
    payloadJson,
  }
}

/** One code point, or now and then a lone surrogate. */
const codePointOrLoneSurrogate = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  },
)
const anyString = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1 }),
  fc.string({ unit: codePointOrLoneSurrogate, minLength: 1 }),
)

afterEach(() => {
  vi.useRealTimers()
})

describe('userJwt', () => {
  it('signs an HS256 token with the fixed header that node:crypto verifies', () => {
    const token = userJwt('messenger-secret', { user_id: 'user-42', email: 'ada@example.com' })
    const { header, payload } = verify(token, 'messenger-secret')
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' })
    expect(payload).toEqual({ user_id: 'user-42', email: 'ada@example.com' })
    expect(token.split('.')[0]).toBe(
      Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url'),
    )
  })

  it('produces a token that fails verification with another secret', () => {
    const token = userJwt('right', { user_id: 'u' })
    const [header, payload, signature] = token.split('.') as [string, string, string]
    const wrong = createHmac('sha256', 'wrong').update(`${header}.${payload}`).digest()
    expect(timingSafeEqual(Buffer.from(signature, 'base64url'), wrong)).toBe(false)
  })

  it('omits undefined claims and adds nothing of its own (no iat, no exp)', () => {
    const { payloadJson } = verify(
      userJwt('s', { user_id: 'u', email: undefined, exp: undefined, plan: undefined }),
      's',
    )
    expect(payloadJson).toBe('{"user_id":"u"}')
  })

  it('never reads the clock: the same input gives the same token at any time', () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2020-01-01T00:00:00Z'))
    const first = userJwt('s', { user_id: 'u', exp: 1_900_000_000 })
    vi.setSystemTime(new Date('2031-06-15T12:34:56Z'))
    expect(userJwt('s', { user_id: 'u', exp: 1_900_000_000 })).toBe(first)
  })

  it('writes a Date exp as unix seconds, rounded down', () => {
    const at = (exp: Date | number) => verify(userJwt('s', { user_id: 'u', exp }), 's').payload.exp
    expect(at(new Date('2024-01-01T00:00:00.900Z'))).toBe(1_704_067_200)
    expect(at(new Date('2024-01-01T00:00:00.000Z'))).toBe(1_704_067_200)
    expect(at(new Date(-1500))).toBe(-2)
    expect(at(1_704_067_200)).toBe(1_704_067_200)
    expect(at(1_704_067_200.99)).toBe(1_704_067_200)
  })

  it('signs extra claims: strings, finite numbers, booleans, and Dates as seconds', () => {
    const { payload } = verify(
      userJwt('s', {
        user_id: 'u',
        name: 'Ada',
        iat: 1_700_000_000,
        monthly_spend: 12.5,
        vip: false,
        signed_up_at: new Date('2023-11-14T22:13:20.999Z'),
      }),
      's',
    )
    expect(payload).toEqual({
      user_id: 'u',
      name: 'Ada',
      iat: 1_700_000_000,
      monthly_spend: 12.5,
      vip: false,
      signed_up_at: 1_700_000_000,
    })
  })

  it('writes user_id first, then the other claims in their own order', () => {
    const claims: UserJwtClaims = { exp: 5, email: 'e@x.io', user_id: 'u', b: 1, a: 2 }
    expect(verify(userJwt('s', claims), 's').payloadJson).toBe(
      '{"user_id":"u","exp":5,"email":"e@x.io","b":1,"a":2}',
    )
  })

  it('writes an own "__proto__" claim as data', () => {
    const claims = JSON.parse('{"user_id":"u","__proto__":"x"}') as UserJwtClaims
    expect(verify(userJwt('s', claims), 's').payloadJson).toBe('{"user_id":"u","__proto__":"x"}')
  })

  it('requires user_id even when it is inherited rather than own', () => {
    const claims = Object.create({ user_id: 'inherited' }) as UserJwtClaims
    expect(verify(userJwt('s', claims), 's').payload).toEqual({ user_id: 'inherited' })
  })

  it('does not mutate the claims', () => {
    const exp = new Date('2024-01-01T00:00:00Z')
    const claims = { user_id: 'u', exp, gone: undefined }
    userJwt('s', claims)
    expect(claims).toEqual({ user_id: 'u', exp, gone: undefined })
    expect(Object.keys(claims)).toEqual(['user_id', 'exp', 'gone'])
  })

  it('round-trips Unicode, including lone surrogates escaped by JSON.stringify', () => {
    const claims = { user_id: 'ユーザー👩‍👩‍👧', email: 'ñ@例え.jp', lone: 'a\uD800b' }
    const { payload, payloadJson } = verify(userJwt('秘密🔑', claims), '秘密🔑')
    expect(payload).toEqual(claims)
    expect(payloadJson).toContain('\\ud800')
  })

  it('agrees with the node:crypto verifier for arbitrary secrets and claims', () => {
    const claimValue = fc.oneof(
      anyString,
      fc.boolean(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
    )
    fc.assert(
      fc.property(
        anyString,
        anyString,
        fc.option(anyString, { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 4_102_444_800 }), { nil: undefined }),
        fc.dictionary(
          fc.string().filter((k) => !['user_id', 'email', 'exp', '__proto__'].includes(k)),
          claimValue,
          { maxKeys: 5 },
        ),
        (secret, user_id, email, exp, extra) => {
          const claims: UserJwtClaims = { ...extra, user_id, email, exp }
          const { header, payload } = verify(userJwt(secret, claims), secret)
          expect(header).toEqual({ alg: 'HS256', typ: 'JWT' })
          // JSON writes -0 as 0; everything else must come back exactly.
          const expected: Record<string, unknown> = JSON.parse(JSON.stringify(claims))
          expect(payload).toEqual(expected)
          expect(payload.user_id).toBe(user_id)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('encodes payloads of every length modulo 3 as canonical unpadded base64url', () => {
    for (let n = 1; n <= 12; n++) {
      verify(userJwt('s', { user_id: 'x'.repeat(n) }), 's')
    }
  })

  describe('bad input', () => {
    const expectError = (run: () => unknown, field: string): IdentityInputError => {
      let caught: unknown
      try {
        run()
      } catch (error) {
        caught = error
      }
      expect(caught).toBeInstanceOf(IdentityInputError)
      expect(caught).toBeInstanceOf(TypeError)
      const error = caught as IdentityInputError
      expect(error.name).toBe('IdentityInputError')
      expect(error.field).toBe(field)
      expect(error.message.startsWith(`${field}: `)).toBe(true)
      return error
    }
    // `secret` is a rest element so an explicit `undefined` is passed through, not defaulted.
    const jwt =
      (claims: unknown, ...secret: [unknown?]) =>
      () =>
        userJwt((secret.length > 0 ? secret[0] : 's') as string, claims as UserJwtClaims)

    it.each([
      ['empty', ''],
      ['number', 1],
      ['undefined', undefined],
      ['Uint8Array', new Uint8Array([1])],
    ])('rejects a %s secret naming "secret"', (_label, secret) => {
      expectError(jwt({ user_id: 'u' }, secret), 'secret')
    })

    it.each([
      ['null', null],
      ['undefined', undefined],
      ['a string', 'user-42'],
      ['an array', [{ user_id: 'u' }]],
      ['a Date', new Date(0)],
    ])('rejects claims that are %s naming "claims"', (_label, claims) => {
      expectError(jwt(claims), 'claims')
    })

    it.each([
      ['missing', {}],
      ['undefined', { user_id: undefined }],
      ['empty', { user_id: '' }],
      ['a number', { user_id: 42 }],
      ['null', { user_id: null }],
    ])('rejects a user_id that is %s naming "claims.user_id"', (_label, claims) => {
      expectError(jwt(claims), 'claims.user_id')
    })

    it.each([
      ['a number', 5],
      ['empty', ''],
      ['null', null],
      ['an array', ['a@b.c']],
    ])('rejects an email that is %s naming "claims.email"', (_label, email) => {
      expectError(jwt({ user_id: 'u', email }), 'claims.email')
    })

    it.each([
      ['NaN', Number.NaN],
      ['Infinity', Number.POSITIVE_INFINITY],
      ['-Infinity', Number.NEGATIVE_INFINITY],
      ['an invalid Date', new Date(Number.NaN)],
      ['a numeric string', '1700000000'],
      ['null', null],
    ])('rejects an exp that is %s naming "claims.exp"', (_label, exp) => {
      expectError(jwt({ user_id: 'u', exp }), 'claims.exp')
    })

    it.each([
      ['an object', { nested: true }],
      ['an array', [1]],
      ['null', null],
      ['NaN', Number.NaN],
      ['Infinity', Number.POSITIVE_INFINITY],
      ['an invalid Date', new Date('nope')],
      ['a bigint', 1n],
      ['a function', () => 1],
    ])('rejects an extra claim that is %s naming it', (_label, value) => {
      expectError(jwt({ user_id: 'u', custom: value }), 'claims.custom')
    })

    it('never echoes the secret in a message', () => {
      const error = expectError(jwt({ user_id: '' }, 'top-secret-value'), 'claims.user_id')
      expect(error.message).not.toContain('top-secret-value')
    })
  })
})
