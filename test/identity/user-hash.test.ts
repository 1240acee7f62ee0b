import { createHmac } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { IdentityInputError, userHash } from '../../src/identity/index.js'

/** The reference implementation: what Intercom's docs show for Node servers. */
const nodeHash = (secret: string, id: string): string =>
  createHmac('sha256', secret).update(id).digest('hex')

/** One code point, or now and then a lone surrogate (fast-check's 'binary' never makes one). */
const codePointOrLoneSurrogate = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  },
)
/** Full-Unicode non-empty strings: printable graphemes, or any code points incl. lone surrogates. */
const anyString = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1 }),
  fc.string({ unit: codePointOrLoneSurrogate, minLength: 1 }),
)

describe('userHash', () => {
  it('matches the RFC 4231 test case 2 HMAC-SHA256 vector', () => {
    expect(userHash('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    )
  })

  it.each([
    ['secret', 'user-42'],
    ['the identity verification secret', '1'],
    ['ünïcödé-sëcret', 'user-ñ'],
    ['秘密', 'ユーザー'],
    ['🔑🔐', '👩‍👩‍👧‍👦'],
    ['s', 'e\u0301'], // combining accent, not normalised
    ['s', 'é'],
    ['x'.repeat(200), 'longer-than-one-sha256-block'.repeat(10)],
    ['tab\tand\nnewline', ' spaces '],
  ])('matches node:crypto for secret %j and id %j', (secret, id) => {
    expect(userHash(secret, id)).toBe(nodeHash(secret, id))
  })

  it('does not normalise Unicode (NFC and NFD ids give different hashes)', () => {
    expect(userHash('s', 'é')).not.toBe(userHash('s', 'e\u0301'))
  })

  it('returns 64 lowercase hex characters', () => {
    expect(userHash('SECRET', 'USER')).toMatch(/^[0-9a-f]{64}$/)
  })

  it('encodes a lone surrogate as U+FFFD, like TextEncoder and node:crypto', () => {
    expect(userHash('k', 'a\uD800b')).toBe(userHash('k', 'a\uFFFDb'))
    expect(userHash('k', 'a\uD800b')).toBe(nodeHash('k', 'a\uD800b'))
    expect(userHash('\uDC00', 'id')).toBe(nodeHash('\uDC00', 'id'))
  })

  it('agrees with node:crypto for arbitrary full-Unicode secrets and ids', () => {
    fc.assert(
      fc.property(anyString, anyString, (secret, id) => {
        expect(userHash(secret, id)).toBe(nodeHash(secret, id))
      }),
      { numRuns: 500 },
    )
  })

  describe('bad input', () => {
    const expectError = (run: () => unknown, field: string): void => {
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
      expect(error.message).toContain(field)
    }

    it.each([
      ['empty secret', '', 'u'],
      ['number secret', 42, 'u'],
      ['undefined secret', undefined, 'u'],
      ['null secret', null, 'u'],
    ])('rejects an %s naming "secret"', (_label, secret, id) => {
      expectError(() => userHash(secret as string, id), 'secret')
    })

    it.each([
      ['empty userId', ''],
      ['number userId', 42],
      ['undefined userId', undefined],
      ['object userId', { id: 'u' }],
    ])('rejects an %s naming "userId"', (_label, id) => {
      expectError(() => userHash('secret', id as string), 'userId')
    })

    it('reports the secret before the user id and never echoes the secret', () => {
      expect(() => userHash('', '')).toThrow(/^secret:/)
      expect(() => userHash('top-secret-value', '')).toThrow(
        expect.objectContaining({ message: expect.not.stringContaining('top-secret-value') }),
      )
    })
  })
})

describe('the identity subpath stays out of the core entry', () => {
  it('no module under src/ outside src/identity/ imports it', () => {
    const srcRoot = join(import.meta.dirname, '../../src')
    const offenders: string[] = []
    const files = readdirSync(srcRoot, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && !file.startsWith('identity'),
    )
    for (const file of files) {
      const text = readFileSync(join(srcRoot, file), 'utf8')
      // Static or dynamic: './identity/…', '../identity/…' or the package subpath.
      if (/['"](?:\.{1,2}\/)+identity\/|segment-intercom\/identity/.test(text)) offenders.push(file)
    }
    expect(files.length).toBeGreaterThan(0)
    expect(offenders).toEqual([])
  })
})
