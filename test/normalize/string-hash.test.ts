import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stringHash } from '../../src/normalize/string-hash.js'

/** A BigInt re-statement of the published algorithm, as an independent oracle. */
function reference(s: string): number {
  let h = 5381n
  for (let i = s.length - 1; i >= 0; i--) {
    h = BigInt.asIntN(32, h * 33n) ^ BigInt(s.charCodeAt(i))
  }
  return Number(BigInt.asUintN(32, h))
}

describe('stringHash', () => {
  it('gives the value Segment used for "Segment"', () => {
    expect(stringHash('Segment')).toBe(2017828326)
  })

  it('is 5381 for the empty string', () => {
    expect(stringHash('')).toBe(5381)
  })

  it('hashes code units from the last to the first', () => {
    expect(stringHash('a')).toBe(((5381 * 33) ^ 97) >>> 0)
    expect(stringHash('ab')).toBe(((((5381 * 33) ^ 98) * 33) ^ 97) >>> 0)
    expect(stringHash('ab')).not.toBe(stringHash('ba'))
  })

  it('works on UTF-16 code units, lone surrogates included', () => {
    expect(stringHash('😀')).toBe(reference('\ud83d\ude00'))
    expect(stringHash('\ud83d')).toBe(((5381 * 33) ^ 0xd83d) >>> 0)
  })

  it('keeps its values stable (company ids must not change between releases)', () => {
    expect(stringHash('Intercom')).toBe(2949384960)
    expect(stringHash('Acme Inc.')).toBe(2958800581)
    expect(stringHash('segment')).toBe(2017828294)
    expect(stringHash('a'.repeat(1000))).toBe(2155562885)
    expect(stringHash('Ünïcödé 😀')).toBe(2978444029)
  })

  it('depends only on the text, not on the string instance', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const copy = [...s].join('')
        expect(stringHash(copy)).toBe(stringHash(s))
      }),
    )
  })

  it('is always an unsigned 32-bit integer and matches the reference', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const h = stringHash(s)
        expect(Number.isInteger(h) && h >= 0 && h <= 0xffffffff).toBe(true)
        expect(h).toBe(reference(s))
      }),
      { numRuns: 500 },
    )
  })
})
