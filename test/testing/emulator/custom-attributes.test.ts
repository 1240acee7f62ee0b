import { describe, expect, it } from 'vitest'
import {
  commitCustomAttributes,
  inferDataType,
  isValidAttributeName,
  MAX_CUSTOM_ATTRIBUTES,
  prepareCustomAttributes,
} from '../../../src/testing/emulator/custom-attributes.js'
import { ApiError } from '../../../src/testing/emulator/errors.js'
import { createStore } from '../../../src/testing/emulator/store.js'

const plan = { name: 'plan', model: 'contact', data_type: 'string' } as const

function thrown(fn: () => unknown): ApiError {
  try {
    fn()
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('did not throw')
}

describe('attribute names and types', () => {
  it('isValidAttributeName refuses blank names and Intercom’s forbidden characters', () => {
    expect(['plan', 'plan type', 'plan_type', 'ünïcode'].every(isValidAttributeName)).toBe(true)
    for (const name of ['', '  ', 'a.b', 'a$b', 'a~b', 'a`b', 'a!b', 'a@b', 'a#b', 'a%b']) {
      expect(isValidAttributeName(name)).toBe(false)
    }
    for (const name of ['a^b', 'a&b', 'a*b', "a'b", 'a{b', 'a}b', 'a|b', 'a\\b', 'a"b']) {
      expect(isValidAttributeName(name)).toBe(false)
    }
  })

  it('inferDataType: booleans, floats, integers, and integers under *_at as dates', () => {
    expect(inferDataType('vip', true)).toBe('boolean')
    expect(inferDataType('score', 1.5)).toBe('float')
    expect(inferDataType('seats', 3)).toBe('integer')
    expect(inferDataType('trial_at', 1700000000)).toBe('date')
    expect(inferDataType('trial_at', 1.5)).toBe('float')
    expect(inferDataType('plan', 'pro')).toBe('string')
    expect(inferDataType('none', null)).toBe('string')
  })
})

describe('prepareCustomAttributes', () => {
  it('absent or null means no change', () => {
    const store = createStore([], [], 0)
    expect(prepareCustomAttributes(store, undefined, 'contact', 'reject')).toBeUndefined()
    expect(prepareCustomAttributes(store, null, 'contact', 'reject')).toBeUndefined()
  })

  it("'reject' accepts defined attributes only, naming the one that does not exist", () => {
    const store = createStore([plan], [], 0)
    expect(prepareCustomAttributes(store, { plan: 'pro' }, 'contact', 'reject')).toEqual({
      values: { plan: 'pro' },
      create: [],
    })
    expect(
      thrown(() => prepareCustomAttributes(store, { tier: 'x' }, 'contact', 'reject')),
    ).toMatchObject({
      code: 'parameter_invalid',
      message: "Custom attribute 'tier' does not exist",
      field: 'custom_attributes.tier',
    })
    // Defined for contacts is not defined for companies.
    expect(() => prepareCustomAttributes(store, { plan: 'x' }, 'company', 'reject')).toThrow(
      ApiError,
    )
  })

  it("'create' lists the definitions to create, which commit adds once", () => {
    const store = createStore([], [], 0)
    const prepared = prepareCustomAttributes(store, { seats: 3, vip: true }, 'company', 'create')
    expect(prepared?.create).toEqual([
      { name: 'seats', model: 'company', data_type: 'integer' },
      { name: 'vip', model: 'company', data_type: 'boolean' },
    ])
    expect(store.dataAttributes).toEqual([]) // nothing changes before commit
    if (prepared === undefined) throw new Error('prepared')
    expect(commitCustomAttributes(store, prepared, 100)).toEqual({ seats: 3, vip: true })
    commitCustomAttributes(store, prepared, 200)
    expect(store.dataAttributes.map((a) => a.name)).toEqual(['seats', 'vip'])
  })

  it('refuses values Intercom does not store, naming the field under a custom prefix', () => {
    const store = createStore([], [], 0)
    const cases: [unknown, string][] = [
      [
        { a: { nested: 1 } },
        "Custom attribute 'a' must be a string, number, boolean or null, not an object",
      ],
      [{ a: [1] }, "Custom attribute 'a' must be a string, number, boolean or null, not an array"],
      [
        { a: Number.NaN },
        "Custom attribute 'a' must be a string, number, boolean or null, not a number",
      ],
      [{ a: 'é'.repeat(256) }, "Custom attribute 'a' is longer than 255 characters"],
      [{ 'a.b': 1 }, "Custom attribute name 'a.b' contains a forbidden character"],
      ['text', 'companies[0].custom_attributes must be an object'],
    ]
    for (const [raw, message] of cases) {
      const error = thrown(() =>
        prepareCustomAttributes(store, raw, 'contact', 'create', 'companies[0].custom_attributes'),
      )
      expect(error.message).toBe(message)
      expect(error.field?.startsWith('companies[0].custom_attributes')).toBe(true)
    }
    // 255 characters counted as code points, not UTF-16 units.
    expect(() =>
      prepareCustomAttributes(store, { a: '😀'.repeat(255) }, 'contact', 'create'),
    ).not.toThrow()
  })

  it('refuses a write that would pass the workspace’s custom attribute limit', () => {
    const defined = Array.from({ length: MAX_CUSTOM_ATTRIBUTES }, (_, i) => ({
      name: `a${i}`,
      model: 'contact' as const,
      data_type: 'string' as const,
    }))
    const store = createStore(defined, [], 0)
    expect(prepareCustomAttributes(store, { a0: 'x' }, 'contact', 'create')?.create).toEqual([])
    expect(
      thrown(() => prepareCustomAttributes(store, { more: 'x' }, 'contact', 'create')),
    ).toMatchObject({
      message: `A workspace can have at most ${MAX_CUSTOM_ATTRIBUTES} custom attributes`,
      field: 'custom_attributes',
    })
  })
})
