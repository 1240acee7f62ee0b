import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../src/testing/emulator/errors.js'
import {
  booleanField,
  idField,
  integerField,
  rejectUnknownFields,
  stringField,
} from '../../../src/testing/emulator/fields.js'

/** The ApiError `fn` throws (fails when it throws none or something else). */
function thrown(fn: () => unknown): ApiError {
  try {
    fn()
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('did not throw')
}

describe('field readers', () => {
  const body = { s: 'x', n: 3, f: 1.5, b: true, z: null, big: 2 ** 53 }

  it('absent is undefined; null only where nullable', () => {
    expect(stringField(body, 'missing')).toBeUndefined()
    expect(stringField(body, 'z', 'nullable')).toBeNull()
    expect(integerField(body, 'z', 'nullable')).toBeNull()
    expect(booleanField(body, 'z', 'nullable')).toBeNull()
    expect(thrown(() => stringField(body, 'z'))).toMatchObject({
      status: 400,
      code: 'parameter_invalid',
      field: 'z',
    })
  })

  it('each reader takes its own type only, naming the field otherwise', () => {
    expect(stringField(body, 's')).toBe('x')
    expect(integerField(body, 'n')).toBe(3)
    expect(booleanField(body, 'b')).toBe(true)
    expect(thrown(() => stringField(body, 'n')).message).toBe('n must be a string')
    expect(thrown(() => integerField(body, 'f')).message).toBe('f must be an integer')
    expect(thrown(() => integerField(body, 'big')).field).toBe('big')
    expect(thrown(() => booleanField(body, 's')).message).toBe('s must be a boolean')
  })

  it('idField takes text or a finite number, as text', () => {
    expect(idField(body, 's')).toBe('x')
    expect(idField(body, 'n')).toBe('3')
    expect(thrown(() => idField({ id: Number.NaN }, 'id')).message).toBe('id must be a string')
  })

  it('rejectUnknownFields names the first unknown field, with a custom error if given', () => {
    expect(() => rejectUnknownFields({ a: 1 }, new Set(['a']))).not.toThrow()
    expect(thrown(() => rejectUnknownFields({ a: 1, b: 2 }, new Set(['a'])))).toMatchObject({
      field: 'b',
      message: "'b' is not a valid parameter here",
    })
    const custom = thrown(() =>
      rejectUnknownFields({ x: 1 }, new Set(), (f) => new ApiError(400, 'bad_request', f)),
    )
    expect(custom).toMatchObject({ code: 'bad_request', message: 'x' })
  })
})
