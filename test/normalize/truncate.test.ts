import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { codePointLength, truncateCodePoints } from '../../src/normalize/truncate.js'

const EMOJI = '😀' // U+1F600: two UTF-16 code units
const HIGH = '\ud83d'
const LOW = '\ude00'

/** Strings mixing ASCII, BMP text, pairs and lone surrogates of both kinds. */
const mixed = fc.string({
  unit: fc.constantFrom('a', 'é', '中', EMOJI, '👍🏽', HIGH, LOW, '\uffff'),
  maxLength: 40,
})

describe('codePointLength', () => {
  it('counts ASCII and BMP text by code units', () => {
    expect(codePointLength('')).toBe(0)
    expect(codePointLength('abc')).toBe(3)
    expect(codePointLength('héllo中')).toBe(6)
  })

  it('counts a surrogate pair once and a lone surrogate once', () => {
    expect(codePointLength(`a${EMOJI}b`)).toBe(3)
    expect(codePointLength(HIGH)).toBe(1)
    expect(codePointLength(LOW)).toBe(1)
    expect(codePointLength(`${LOW}${HIGH}`)).toBe(2) // reversed: not a pair
    expect(codePointLength(`${HIGH}${HIGH}${LOW}`)).toBe(2)
  })

  it('agrees with string iteration', () => {
    fc.assert(fc.property(mixed, (s) => codePointLength(s) === [...s].length))
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => codePointLength(s) === [...s].length),
    )
  })
})

describe('truncateCodePoints', () => {
  it('cuts ASCII text', () => {
    expect(truncateCodePoints('hello', 3)).toBe('hel')
    expect(truncateCodePoints('hello', 0)).toBe('')
  })

  it('returns the same string when nothing is cut', () => {
    const s = `ab${EMOJI}`
    expect(truncateCodePoints(s, 3)).toBe(s)
    expect(truncateCodePoints(s, 4)).toBe(s)
    expect(truncateCodePoints(s, Number.POSITIVE_INFINITY)).toBe(s)
  })

  it('keeps or drops a pair at the boundary as a whole', () => {
    expect(truncateCodePoints(`ab${EMOJI}c`, 2)).toBe('ab')
    expect(truncateCodePoints(`ab${EMOJI}c`, 3)).toBe(`ab${EMOJI}`)
    expect(truncateCodePoints(`${EMOJI}${EMOJI}`, 1)).toBe(EMOJI)
  })

  it('counts lone surrogates as one code point each', () => {
    expect(truncateCodePoints(`${HIGH}ab`, 1)).toBe(HIGH)
    expect(truncateCodePoints(`a${LOW}b`, 2)).toBe(`a${LOW}`)
    expect(truncateCodePoints(`${HIGH}${HIGH}${LOW}x`, 2)).toBe(`${HIGH}${EMOJI}`)
  })

  it('floors a fractional max and keeps nothing for a negative or NaN max', () => {
    expect(truncateCodePoints('hello', 2.9)).toBe('he')
    expect(truncateCodePoints('hello', -1)).toBe('')
    expect(truncateCodePoints('hello', Number.NaN)).toBe('')
  })

  it('keeps a prefix of at most max code points, never splitting a pair', () => {
    fc.assert(
      fc.property(mixed, fc.nat({ max: 45 }), (s, max) => {
        const t = truncateCodePoints(s, max)
        expect(s.startsWith(t)).toBe(true)
        expect(codePointLength(t)).toBe(Math.min(max, codePointLength(s)))
        const last = t.charCodeAt(t.length - 1)
        const next = s.charCodeAt(t.length)
        const splitPair = last >= 0xd800 && last <= 0xdbff && next >= 0xdc00 && next <= 0xdfff
        expect(splitPair).toBe(false)
        if (t.length === s.length) expect(t).toBe(s)
      }),
      { numRuns: 1000 },
    )
  })
})
