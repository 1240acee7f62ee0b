import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { hasKeys, isRecord } from '../../src/_lib/is-record.js'

describe('isRecord', () => {
  it('accepts plain objects, with or without a prototype', () => {
    expect(isRecord({})).toBe(true)
    expect(isRecord(JSON.parse('{"a":1}'))).toBe(true)
    expect(isRecord(Object.create(null))).toBe(true)
  })

  it('rejects null, arrays, Dates, class instances and primitives', () => {
    for (const value of [null, undefined, [], new Date(0), new Map(), /x/, 'x', 1, true]) {
      expect(isRecord(value)).toBe(false)
    }
    class Traits {}
    expect(isRecord(new Traits())).toBe(false)
  })

  it('rejects an object from another realm (its Object.prototype is not this one)', () => {
    expect(isRecord(runInNewContext('({ a: 1 })'))).toBe(false)
  })
})

describe('hasKeys', () => {
  it('is whether the object has an enumerable key', () => {
    expect(hasKeys({})).toBe(false)
    expect(hasKeys({ a: undefined })).toBe(true)
    expect(hasKeys(Object.create(null))).toBe(false)
    expect(hasKeys(Object.defineProperty({}, 'hidden', { value: 1, enumerable: false }))).toBe(
      false,
    )
  })
})
