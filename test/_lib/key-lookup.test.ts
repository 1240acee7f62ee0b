import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { keyIgnoringCase } from '../../src/_lib/key-lookup.js'

describe('keyIgnoringCase', () => {
  it('prefers the exact spelling, else the first key of any case', () => {
    expect(keyIgnoringCase({ intercom: 1, Intercom: 2 }, 'Intercom')).toBe('Intercom')
    expect(keyIgnoringCase({ INTERCOM: 1, intercom: 2 }, 'Intercom')).toBe('INTERCOM')
    expect(keyIgnoringCase({ 'x-ratelimit-reset': '1' }, 'X-RateLimit-Reset')).toBe(
      'x-ratelimit-reset',
    )
  })

  it('finds nothing for other names, or an exact key set to undefined alone', () => {
    expect(keyIgnoringCase({ Intercoms: 1 }, 'Intercom')).toBeUndefined()
    expect(keyIgnoringCase({}, 'Intercom')).toBeUndefined()
    expect(keyIgnoringCase({ Intercom: undefined, intercom: 3 }, 'Intercom')).toBe('Intercom')
  })
})

describe('keyIgnoringCase: property', () => {
  it('agrees with a lower-case comparison of every key', () => {
    const name = fc.stringMatching(/^[A-Za-z-]{1,6}$/)
    fc.assert(
      fc.property(fc.dictionary(name, fc.integer()), name, (obj, key) => {
        const expected =
          obj[key] !== undefined
            ? key
            : Object.keys(obj).find((k) => k.toLowerCase() === key.toLowerCase())
        expect(keyIgnoringCase(obj, key)).toBe(expected)
      }),
    )
  })
})
