import { describe, expect, it } from 'vitest'
import { setOwn } from '../../src/_lib/set-own.js'

describe('setOwn', () => {
  it('writes an own, enumerable property', () => {
    const obj: Record<string, unknown> = {}
    setOwn(obj, 'plan', 'pro')
    expect(obj).toEqual({ plan: 'pro' })
    expect(Object.keys(obj)).toEqual(['plan'])
  })

  it('keeps __proto__ as data instead of setting the prototype', () => {
    const obj: Record<string, unknown> = {}
    setOwn(obj, '__proto__', 'p')
    expect(Object.getPrototypeOf(obj)).toBe(Object.prototype)
    expect(Object.keys(obj)).toEqual(['__proto__'])
    expect(JSON.stringify(obj)).toBe('{"__proto__":"p"}')
    setOwn(obj, '__proto__', 'q')
    expect(Object.getOwnPropertyDescriptor(obj, '__proto__')?.value).toBe('q')
  })
})
