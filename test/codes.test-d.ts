// Compile-time: every place a code is emitted takes the union, so a code outside the
// tables is a type error; and the public types use the unions (a consumer's `switch`
// over a code is checked).
import { describe, expectTypeOf, it } from 'vitest'
import {
  INPUT_ERROR_CODES,
  type InputError,
  type InputErrorCode,
  type Invalid,
  OUTCOME_CODES,
  type Outcome,
  type OutcomeCode,
  SKIP_REASONS,
  type Skipped,
  type SkipReason,
  WARNING_CODES,
  type Warning,
  type WarningCode,
} from '../src/index.js'
import type { Ending } from '../src/rest/classify.js'
import { inputError, warn } from '../src/warnings.js'

/** A table whose every value is its own key. */
type SelfNamed<K extends string> = { readonly [C in K]: C }

describe('the code unions', () => {
  it('are the keys of their tables, each value naming itself', () => {
    expectTypeOf(WARNING_CODES).toEqualTypeOf<SelfNamed<WarningCode>>()
    expectTypeOf(INPUT_ERROR_CODES).toEqualTypeOf<SelfNamed<InputErrorCode>>()
    expectTypeOf(SKIP_REASONS).toEqualTypeOf<SelfNamed<SkipReason>>()
    expectTypeOf(OUTCOME_CODES).toEqualTypeOf<SelfNamed<OutcomeCode>>()
  })

  it('are string-literal unions, not string', () => {
    expectTypeOf<string>().not.toExtend<WarningCode>()
    expectTypeOf<string>().not.toExtend<InputErrorCode>()
    expectTypeOf<string>().not.toExtend<SkipReason>()
    expectTypeOf<string>().not.toExtend<OutcomeCode>()
    expectTypeOf<'truncated'>().toExtend<WarningCode>()
    expectTypeOf<'wrong_type'>().toExtend<InputErrorCode>()
    expectTypeOf<'unsupported_type'>().toExtend<SkipReason>()
    expectTypeOf<'rate_limited'>().toExtend<OutcomeCode>()
  })

  it('type the public envelopes', () => {
    expectTypeOf<Warning['code']>().toEqualTypeOf<WarningCode>()
    expectTypeOf<InputError['code']>().toEqualTypeOf<InputErrorCode>()
    expectTypeOf<Invalid['errors'][number]['code']>().toEqualTypeOf<InputErrorCode>()
    expectTypeOf<Skipped['reason']>().toEqualTypeOf<SkipReason>()
    expectTypeOf<Extract<Outcome, { status: 'retry' }>['code']>().toEqualTypeOf<OutcomeCode>()
    expectTypeOf<Extract<Outcome, { status: 'failed' }>['code']>().toEqualTypeOf<OutcomeCode>()
  })
})

describe('emitting a code outside the unions does not compile', () => {
  it('in the helpers', () => {
    const out: Warning[] = []
    warn(out, 'truncated', 'traits.bio', 'ok')
    // @ts-expect-error: not a WarningCode
    warn(out, 'truncatd', 'traits.bio', 'typo')
    // @ts-expect-error: an InputErrorCode is not a WarningCode
    warn(out, 'wrong_type', 'traits.bio', 'wrong table')
    inputError('missing_field', 'type', 'ok')
    // @ts-expect-error: not an InputErrorCode
    inputError('missing', 'type', 'typo')
  })

  it('in object literals', () => {
    // @ts-expect-error: not a WarningCode
    const w: Warning = { code: 'made_up', path: '', message: '' }
    // @ts-expect-error: not a SkipReason
    const s: Skipped = { status: 'skipped', reason: 'made_up', message: '', warnings: [] }
    // @ts-expect-error: Intercom's own codes are not outcome codes
    const o: Ending = { status: 'failed', code: 'parameter_invalid', message: '' }
    const r: Ending = { status: 'retry', code: 'server_error', message: '' }
    expectTypeOf([w, s, o, r]).not.toBeAny()
  })
})
