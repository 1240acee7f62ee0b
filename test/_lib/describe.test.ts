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

group('describe: other kinds', () => {
  it('a prototype-less object is an object; bigint and symbol by typeof', () => {
    expect([Object.create(null), 1n, Symbol(), true].map(describe)).toEqual([
      'an object',
      'bigint',
      'symbol',
      'boolean',
    ])
  })

  it('never includes the content (it may be a secret or huge)', () => {
    for (const value of ['s3cr3t-token', 12345, ['s3cr3t-token'], { token: 's3cr3t-token' }]) {
      expect(describe(value)).not.toMatch(/s3cr3t|12345/)
      expect(describeWithArticle(value)).not.toMatch(/s3cr3t|12345/)
    }
  })
})
