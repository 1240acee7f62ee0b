// Compile-time: the emulator's field readers keep `null` out of the type unless asked for.
import { describe, expectTypeOf, it } from 'vitest'
import {
  booleanField,
  idField,
  integerField,
  stringField,
} from '../../../src/testing/emulator/fields.js'

const body: Record<string, unknown> = {}

describe('field readers', () => {
  it('are T | undefined when required, T | null | undefined when nullable', () => {
    expectTypeOf(stringField(body, 'k')).toEqualTypeOf<string | undefined>()
    expectTypeOf(stringField(body, 'k', 'required')).toEqualTypeOf<string | undefined>()
    expectTypeOf(stringField(body, 'k', 'nullable')).toEqualTypeOf<string | null | undefined>()
    expectTypeOf(integerField(body, 'k')).toEqualTypeOf<number | undefined>()
    expectTypeOf(integerField(body, 'k', 'nullable')).toEqualTypeOf<number | null | undefined>()
    expectTypeOf(booleanField(body, 'k')).toEqualTypeOf<boolean | undefined>()
    expectTypeOf(booleanField(body, 'k', 'nullable')).toEqualTypeOf<boolean | null | undefined>()
    expectTypeOf(idField(body, 'k')).toEqualTypeOf<string | undefined>()
  })

  it('take only the two nullability words', () => {
    // @ts-expect-error: not a nullability
    stringField(body, 'k', 'optional')
  })
})
