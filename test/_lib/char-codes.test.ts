import { describe, expect, it } from 'vitest'
import { DIGIT_0, isDigit } from '../../src/_lib/char-codes.js'

describe('char codes', () => {
  it('DIGIT_0 is the code unit of "0"', () => {
    expect(DIGIT_0).toBe('0'.charCodeAt(0))
  })

  it('isDigit accepts 0–9 only (and not NaN, past the end of a string)', () => {
    for (const c of '0123456789') expect(isDigit(c.charCodeAt(0))).toBe(true)
    for (const c of '/:a \u0660') expect(isDigit(c.charCodeAt(0))).toBe(false)
    expect(isDigit(''.charCodeAt(0))).toBe(false)
  })
})
