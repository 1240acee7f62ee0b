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
