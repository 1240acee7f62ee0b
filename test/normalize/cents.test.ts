import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type CentsResult, toCents } from '../../src/normalize/cents.js'

const cents = (value: number): CentsResult => ({ ok: true, cents: value })
const failed = (reason: string) => ({ ok: false, reason })

describe('toCents: numbers', () => {
  it('is exact where float multiplication is not', () => {
    expect(19.99 * 100).not.toBe(1999) // why this module exists
    expect(toCents(19.99)).toEqual(cents(1999))
    expect(toCents(0.1 + 0.2)).toEqual(cents(30))
    expect(toCents(1.15)).toEqual(cents(115))
    expect(toCents(4.35)).toEqual(cents(435))
    expect(toCents(45)).toEqual(cents(4500))
    expect(toCents(0)).toEqual(cents(0))
  })

  it('rounds half away from zero at the third decimal of the written decimal', () => {
    expect(toCents(1.005)).toEqual(cents(101))
    expect(toCents(1.004)).toEqual(cents(100))
    expect(toCents(1.0049999)).toEqual(cents(100))
    expect(toCents(0.005)).toEqual(cents(1))
    expect(toCents(0.995)).toEqual(cents(100))
    expect(toCents(9.999)).toEqual(cents(1000))
  })

  it('reads exponent forms through String(n)', () => {
    expect(toCents(1.5e-7)).toEqual(cents(0))
    expect(toCents(5e-3)).toEqual(cents(1))
    expect(toCents(1e15)).toEqual(failed('too_large'))
    expect(toCents(1e21)).toEqual(failed('too_large'))
    expect(toCents(1e13)).toEqual(cents(1e15))
  })

  it('reads two-decimal amounts the same below and above 1e13, where doubles grow a cent apart', () => {
    expect(toCents(9999999999999.99)).toEqual(cents(999999999999999))
    expect(toCents(10000000000000.01)).toEqual(cents(1000000000000001))
    expect(toCents(10000000000000.016)).toEqual(cents(1000000000000002))
    expect(toCents(0.07)).toEqual(cents(7)) // 0.07 * 100 is 7.000000000000001
    expect(toCents(0.29)).toEqual(cents(29)) // 0.29 * 100 is 28.999999999999996
  })

  it('turns -0 into 0', () => {
    const result = toCents(-0)
    expect(result).toEqual(cents(0))
    expect(result.ok && Object.is(result.cents, 0)).toBe(true)
  })

  it('rejects non-finite, negative and too large numbers', () => {
    expect(toCents(Number.NaN)).toEqual(failed('not_finite'))
    expect(toCents(Number.POSITIVE_INFINITY)).toEqual(failed('not_finite'))
    expect(toCents(Number.NEGATIVE_INFINITY)).toEqual(failed('not_finite'))
    expect(toCents(-1)).toEqual(failed('negative'))
    expect(toCents(-0.001)).toEqual(failed('negative'))
    expect(toCents(Number.MAX_SAFE_INTEGER)).toEqual(failed('too_large'))
    // A double this large has one decimal left: String(n) is "90071992547409.9".
    expect(toCents(90071992547409.91)).toEqual(cents(9007199254740990))
    expect(toCents(Number.MAX_VALUE)).toEqual(failed('too_large'))
  })
})

describe('toCents: strings', () => {
  it('reads plain and currency-prefixed amounts', () => {
    expect(toCents('45')).toEqual(cents(4500))
    expect(toCents('$45.00')).toEqual(cents(4500))
    expect(toCents(' 12.5 ')).toEqual(cents(1250))
    expect(toCents('€9.99')).toEqual(cents(999))
    expect(toCents('£3')).toEqual(cents(300))
    expect(toCents('¥1000')).toEqual(cents(100000))
    expect(toCents('+5')).toEqual(cents(500))
    expect(toCents('.5')).toEqual(cents(50))
    expect(toCents('5.')).toEqual(cents(500))
    expect(toCents('0019.990')).toEqual(cents(1999))
    expect(toCents('1.005')).toEqual(cents(101))
    expect(toCents('1.5e3')).toEqual(cents(150000))
    expect(toCents('15E-1')).toEqual(cents(150))
  })

  it('reads thousands separators in groups of three', () => {
    expect(toCents('1,234.56')).toEqual(cents(123456))
    expect(toCents('$1,234,567')).toEqual(cents(123456700))
    expect(toCents('12,345,678.9')).toEqual(cents(1234567890))
    for (const text of ['1,23', '1,2345', '1234,567', ',123', '1,,234', '1,234,', '1.234,56']) {
      expect(toCents(text), text).toEqual(failed('not_numeric'))
    }
  })

  it('reports negative amounts, with the sign before or after the symbol', () => {
    expect(toCents('-5')).toEqual(failed('negative'))
    expect(toCents('-$5')).toEqual(failed('negative'))
    expect(toCents('$-5')).toEqual(failed('negative'))
    expect(toCents('-0.001')).toEqual(failed('negative'))
    expect(toCents('-0.00')).toEqual(cents(0))
    expect(toCents('-$0')).toEqual(cents(0))
  })

  it('rejects text that is not money', () => {
    for (const text of [
      '',
      ' ',
      'abc',
      '1.2.3',
      '$',
      '-',
      '.',
      '$.',
      '$$5',
      '5$',
      '$ 5',
      '- 5',
      '-$-5',
      '+-5',
      '1e',
      '1e+',
      'e5',
      '0x10',
      'NaN',
      'Infinity',
      '12 34',
      '1,234.5,6',
      'USD 5',
    ]) {
      expect(toCents(text), text).toEqual(failed('not_numeric'))
    }
  })

  it('reports amounts beyond MAX_SAFE_INTEGER cents', () => {
    expect(toCents('90071992547409.91')).toEqual(cents(Number.MAX_SAFE_INTEGER))
    expect(toCents('90071992547409.92')).toEqual(failed('too_large'))
    expect(toCents('90071992547409.915')).toEqual(failed('too_large'))
    expect(toCents('1e400')).toEqual(failed('too_large'))
    expect(toCents('0e400')).toEqual(cents(0))
    expect(toCents('1e-400')).toEqual(cents(0))
    expect(toCents(`1${'0'.repeat(40)}`)).toEqual(failed('too_large'))
  })
})

describe('toCents: other types', () => {
  it('rejects everything that is not a number or a string', () => {
    const boxed = Object(5) as unknown
    for (const value of [null, undefined, true, {}, [], [5], 5n, boxed, { amount: 5 }]) {
      expect(toCents(value)).toEqual(failed('not_numeric'))
    }
  })
})

describe('toCents: properties', () => {
  const anyCents = fc.integer({ min: 0, max: 1e12 })

  it('reads back any two-decimal amount exactly, as a number and as text', () => {
    fc.assert(
      fc.property(anyCents, (c) => {
        const text = (c / 100).toFixed(2)
        expect(toCents(Number(text))).toEqual(cents(c))
        expect(toCents(text)).toEqual(cents(c))
      }),
      { numRuns: 1000 },
    )
  })

  it('reads back thousands-separated, currency-prefixed text', () => {
    fc.assert(
      fc.property(anyCents, fc.constantFrom('$', '€', '£', '¥', ''), (c, symbol) => {
        const [whole = '', fraction = ''] = (c / 100).toFixed(2).split('.')
        const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',')
        expect(toCents(`${symbol}${grouped}.${fraction}`)).toEqual(cents(c))
      }),
    )
  })

  it('always returns a non-negative safe integer or a reason', () => {
    const input = fc.oneof(fc.double(), fc.string(), fc.stringMatching(/^[-+$]?[\d,]*\.?\d*$/))
    fc.assert(
      fc.property(input, (value) => {
        const result = toCents(value)
        return result.ok ? Number.isSafeInteger(result.cents) && result.cents >= 0 : true
      }),
      { numRuns: 1000 },
    )
  })

  it('reads any double as its shortest decimal text, on both sides of the 1e13 fast path', () => {
    // Independent oracle: String(n) split at the point (no exponent between 1e-6 and 1e21),
    // the first two decimals kept and the third rounding half up.
    const oracle = (n: number) => {
      const [whole = '', fraction = ''] = String(n).split('.')
      const cents = Number(whole + fraction.padEnd(2, '0').slice(0, 2))
      return cents + ((fraction[2] ?? '0') >= '5' ? 1 : 0)
    }
    const amount = fc.oneof(
      // Up to 1e14: above ~7e13 doubles are over a cent apart, where a fast path would err.
      fc.double({ min: 1e-6, max: 1e14, noNaN: true }),
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }).map((c) => c / 100),
      fc.integer({ min: 0, max: 1e17 }).map((c) => c / 1000),
      fc.integer({ min: -1e6, max: 1e6 }).map((c) => 1e13 + c / 100),
    )
    fc.assert(
      fc.property(amount, (n) => {
        const expected = oracle(n)
        expect(toCents(n)).toEqual(
          Number.isSafeInteger(expected) ? cents(expected) : failed('too_large'),
        )
      }),
      { numRuns: 2000 },
    )
  })

  it('matches rounding the exact decimal value for doubles', () => {
    // Independent oracle: toFixed(3) of a double whose shortest text has at most 3 decimals
    // is that text, so the cents follow from integer arithmetic on it.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (mills) => {
        const n = mills / 1000
        const expected = Math.floor(mills / 10) + (mills % 10 >= 5 ? 1 : 0)
        expect(toCents(n)).toEqual(cents(expected))
      }),
      { numRuns: 1000 },
    )
  })
})
