import { describe, expect, it } from 'vitest'
import { deepFreeze, isObject, overTheWire, wireText } from '../../../src/testing/emulator/json.js'

describe('json', () => {
  it('isObject: objects but not arrays or null', () => {
    expect([{}, Object.create(null), [], null, 'x'].map(isObject)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ])
  })

  it('overTheWire is what JSON text would carry: undefined members and Dates as JSON has them', () => {
    expect(overTheWire({ a: undefined, b: new Date(0), c: [undefined] })).toEqual({
      b: '1970-01-01T00:00:00.000Z',
      c: [null],
    })
    expect(overTheWire(undefined)).toBeUndefined()
  })

  it('wireText is undefined for what JSON cannot encode (cycles, BigInt)', () => {
    const cycle: Record<string, unknown> = {}
    cycle.self = cycle
    expect(wireText(cycle)).toBeUndefined()
    expect(wireText({ n: 1n })).toBeUndefined()
    expect(wireText({ a: 1 })).toBe('{"a":1}')
  })

  it('deepFreeze freezes every level and returns the value', () => {
    const value = { a: { b: [1, { c: 2 }] } }
    expect(deepFreeze(value)).toBe(value)
    expect(Object.isFrozen(value.a.b[1])).toBe(true)
    expect(deepFreeze('x')).toBe('x')
  })
})
