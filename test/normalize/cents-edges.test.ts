// toCents at the edges of its grammar: signs around the currency symbol, thousands groups,
// exponents and rounding far from the point.
import { describe, expect, it } from 'vitest'
import { toCents } from '../../src/normalize/cents.js'

describe('toCents edges', () => {
  it('reads a sign after the currency symbol', () => {
    expect(toCents('$+5')).toEqual({ ok: true, cents: 500 })
    expect(toCents('€-5')).toEqual({ ok: false, reason: 'negative' })
    expect(toCents('-$5')).toEqual({ ok: false, reason: 'negative' })
    expect(toCents('+$-5')).toEqual({ ok: false, reason: 'not_numeric' })
  })

  it('needs every thousands group after the first to have three digits', () => {
    expect(toCents('1,234,567')).toEqual({ ok: true, cents: 123456700 })
    expect(toCents('1,23,456')).toEqual({ ok: false, reason: 'not_numeric' })
    expect(toCents('1,2345')).toEqual({ ok: false, reason: 'not_numeric' })
  })

  it('needs the exponent to run to the end', () => {
    expect(toCents('1e2')).toEqual({ ok: true, cents: 10000 })
    expect(toCents('1e2x')).toEqual({ ok: false, reason: 'not_numeric' })
    expect(toCents('1e2 3')).toEqual({ ok: false, reason: 'not_numeric' })
  })

  it('rounds on the digit right after the cents, even when it is the first digit', () => {
    expect(toCents('5e-3')).toEqual({ ok: true, cents: 1 })
    expect(toCents('4e-3')).toEqual({ ok: true, cents: 0 })
    expect(toCents('5e-4')).toEqual({ ok: true, cents: 0 })
    expect(toCents('¥5e-4')).toEqual({ ok: true, cents: 0 })
  })

  it('reads tiny amounts as 0 cents, not as too large', () => {
    expect(toCents('0.000000000000000001')).toEqual({ ok: true, cents: 0 })
    expect(toCents('0.000000000000000009')).toEqual({ ok: true, cents: 0 })
  })
})
