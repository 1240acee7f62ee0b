// Surrogate pairs are a high surrogate (U+D800–U+DBFF) followed by a low one (U+DC00–U+DFFF),
// the bounds included; anything else counts one code point per code unit.
import { describe, expect, it } from 'vitest'
import { codePointLength, truncateCodePoints } from '../../src/normalize/truncate.js'

describe('surrogate pairs at the bounds of the ranges', () => {
  it('pairs the first and last high surrogate with the first and last low one', () => {
    for (const pair of ['\ud800\udc00', '\udbff\udfff', '\ud800\udfff', '\udbff\udc00']) {
      expect(codePointLength(pair)).toBe(1)
      expect(truncateCodePoints(`${pair}x`, 1)).toBe(pair)
    }
  })

  it('does not pair two low surrogates, or a high surrogate with a non-surrogate', () => {
    expect(codePointLength('\udc00\udc00')).toBe(2)
    expect(truncateCodePoints('\udc00\udc00', 1)).toBe('\udc00')
    expect(codePointLength('\ud7ff\udc00')).toBe(2)
    expect(codePointLength('\ud800\ue000')).toBe(2)
    expect(codePointLength('\ud800\udbff')).toBe(2)
    expect(truncateCodePoints('\ud800\ue000', 1)).toBe('\ud800')
  })
})
