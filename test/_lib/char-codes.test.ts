import { describe, expect, it } from 'vitest'
import * as codes from '../../src/_lib/char-codes.js'

describe('char codes', () => {
  it('are the code units of the characters they name', () => {
    const named: Record<string, string> = {
      SPACE: ' ',
      PAREN_OPEN: '(',
      PAREN_CLOSE: ')',
      PLUS: '+',
      COMMA: ',',
      MINUS: '-',
      DOT: '.',
      DIGIT_0: '0',
      DIGIT_2: '2',
      DIGIT_9: '9',
      COLON: ':',
    }
    for (const [name, char] of Object.entries(named)) {
      expect((codes as Record<string, unknown>)[name]).toBe(char.charCodeAt(0))
    }
  })

  it('isDigit accepts 0–9 only (and not NaN, past the end of a string)', () => {
    for (const c of '0123456789') expect(codes.isDigit(c.charCodeAt(0))).toBe(true)
    for (const c of '/:a ') expect(codes.isDigit(c.charCodeAt(0))).toBe(false)
    expect(codes.isDigit(''.charCodeAt(0))).toBe(false)
  })
})

describe('isDigit over every code unit below U+3000', () => {
  it('agrees with /[0-9]/ (no other script’s digits)', () => {
    for (let c = 0; c < 0x3000; c++) {
      expect(codes.isDigit(c)).toBe(/^[0-9]$/.test(String.fromCharCode(c)))
    }
  })
})
