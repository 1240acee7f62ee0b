import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BOOLEAN, check, mustBe, NON_EMPTY, OBJECT, oneOf, STRING } from '../src/checks.js'

describe('the shared checks', () => {
  it.each([
    [STRING, ['', 'a', ' '], [1, null, undefined, ['a'], new String('a')]],
    [NON_EMPTY, ['a', ' '], ['', 1, null, undefined]],
    [BOOLEAN, [true, false], ['true', 0, 1, null, undefined]],
    [OBJECT, [{}, { a: 1 }, Object.create(null)], [[], null, new Date(0), 'x', 1]],
  ])('%# accepts only its kind', (c, good, bad) => {
    for (const v of good) expect(c.accepts(v)).toBe(true)
    for (const v of bad) expect(c.accepts(v)).toBe(false)
  })

  it('oneOf accepts exactly its values and lists them quoted', () => {
    const c = oneOf(['us', 'eu'])
    expect(c.expected).toBe("one of 'us', 'eu'")
    expect(['us', 'eu'].map(c.accepts)).toEqual([true, true])
    expect(['US', ' us', '', 'toString', undefined, 1].map(c.accepts)).toEqual(Array(6).fill(false))
  })

  it('check builds a check with its optional check of each value', () => {
    const each = oneOf(['a'])
    expect(check('x', () => true, each)).toMatchObject({ expected: 'x', each })
    expect(check('x', () => true).each).toBeUndefined()
  })
})

describe('mustBe: the one sentence about a refused value', () => {
  it('names the field, what it must be, and the kind of value given', () => {
    expect(mustBe('"traits"', OBJECT, 'secret')).toBe('"traits" must be an object, got string')
    expect(mustBe('settings.region', oneOf(['us']), ['x'])).toBe(
      "settings.region must be one of 'us', got an array",
    )
  })

  it('says the value itself only when the caller gives it', () => {
    expect(mustBe('"type"', STRING, 3, '3')).toBe('"type" must be a string, got 3')
  })

  it('never shows a string value by default (it may be a secret or huge)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (s) => {
        expect(mustBe('x', OBJECT, s)).toBe('x must be an object, got string')
      }),
    )
  })
})
