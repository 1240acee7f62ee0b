import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { safeKey } from '../../src/normalize/keys.js'

const FORBIDDEN = '.$~`!@#%^&*\'{}|\\"'

describe('safeKey', () => {
  it('returns a valid key unchanged (the same string)', () => {
    for (const key of [
      'plan',
      'address_city',
      'tags_0',
      'Plan Name',
      'größe',
      '名前',
      'a-b',
      'a/b',
      '😀',
    ]) {
      expect(safeKey(key)).toBe(key)
    }
  })

  it('replaces . and $ (Intercom reads them as nested paths) with _', () => {
    expect(safeKey('plan.tier')).toBe('plan_tier')
    expect(safeKey('$revenue')).toBe('_revenue')
    expect(safeKey('a.b.c$d')).toBe('a_b_c_d')
  })

  it('replaces every character Intercom rejects in attribute names', () => {
    for (const c of FORBIDDEN) expect(safeKey(`x${c}y`)).toBe('x_y')
    expect(safeKey(FORBIDDEN)).toBe('_'.repeat(FORBIDDEN.length))
  })

  it('keeps characters after the first forbidden one, including non-ASCII', () => {
    expect(safeKey('ok.naïve$😀')).toBe('ok_naïve_😀')
  })

  it('always returns a key of the same length without forbidden characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (key) => {
        const out = safeKey(key)
        expect(out.length).toBe(key.length)
        for (const c of FORBIDDEN) expect(out.includes(c)).toBe(false)
        expect(safeKey(out)).toBe(out)
      }),
    )
  })
})
