import { expect, describe as group, it } from 'vitest'
import { describe, describeWithArticle } from '../../src/_lib/describe.js'

group('describe', () => {
  it('names the kind of a value, never its content', () => {
    const cases: [unknown, string, string][] = [
      [null, 'null', 'null'],
      [[1], 'an array', 'an array'],
      [new Date(0), 'a Date', 'a Date'],
      [{ secret: 'x' }, 'an object', 'an object'],
      ['secret', 'string', 'a string'],
      [1, 'number', 'a number'],
      [undefined, 'undefined', 'a undefined'],
      [() => 1, 'function', 'a function'],
    ]
    for (const [value, bare, withArticle] of cases) {
      expect(describe(value)).toBe(bare)
      expect(describeWithArticle(value)).toBe(withArticle)
    }
  })
})
