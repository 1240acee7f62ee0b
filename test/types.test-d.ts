// Compile-time: the result envelope every target shares (src/types.ts) — Mapped,
// Skipped and Invalid narrow on `status` — and the MapOptions every mapping takes.
import { describe, expectTypeOf, it } from 'vitest'
import {
  type InputError,
  type Invalid,
  type MapOptions,
  type Mapped,
  type MessengerCall,
  type MobileCall,
  type Settings,
  type Skipped,
  type SkipReason,
  toMessenger,
  toMobile,
  toRest,
  type Warning,
} from '../src/index.js'

describe('Mapped, Skipped, Invalid', () => {
  it('Mapped<T> is the status and warnings plus the target’s payload', () => {
    expectTypeOf<Mapped<{ calls: number[] }>>().toEqualTypeOf<
      { status: 'mapped'; warnings: Warning[] } & { calls: number[] }
    >()
    expectTypeOf<Mapped<{ calls: number[] }>['calls']>().toEqualTypeOf<number[]>()
  })

  it('every envelope carries warnings; only Skipped a reason, only Invalid errors', () => {
    expectTypeOf<Skipped['warnings']>().toEqualTypeOf<Warning[]>()
    expectTypeOf<Invalid['warnings']>().toEqualTypeOf<Warning[]>()
    expectTypeOf<Skipped['reason']>().toEqualTypeOf<SkipReason>()
    expectTypeOf<Invalid['errors']>().toEqualTypeOf<InputError[]>()
    expectTypeOf<Skipped>().not.toHaveProperty('errors')
    expectTypeOf<Invalid>().not.toHaveProperty('reason')
  })

  it('narrows on status the same way for every target', () => {
    for (const result of [toMessenger({}), toMobile({})]) {
      if (result.status === 'mapped') {
        expectTypeOf(result.calls).toEqualTypeOf<MessengerCall[] | MobileCall[]>()
      } else if (result.status === 'skipped') {
        expectTypeOf(result).toEqualTypeOf<Skipped>()
      } else {
        expectTypeOf(result).toEqualTypeOf<Invalid>()
      }
    }
    const messenger = toMessenger({})
    // @ts-expect-error calls exist only once mapped
    messenger.calls
    if (messenger.status === 'mapped')
      expectTypeOf(messenger.calls).toEqualTypeOf<MessengerCall[]>()
    const mobile = toMobile({})
    if (mobile.status !== 'mapped') expectTypeOf(mobile).toEqualTypeOf<Skipped | Invalid>()
  })
})

describe('MapOptions', () => {
  it('takes settings, a clock reading and known event names, all optional', () => {
    expectTypeOf<Record<string, never>>().toExtend<MapOptions>()
    expectTypeOf<MapOptions['settings']>().toEqualTypeOf<Settings | undefined>()
    expectTypeOf<MapOptions['now']>().toEqualTypeOf<Date | number | undefined>()
    expectTypeOf<MapOptions['knownEventNames']>().toEqualTypeOf<Iterable<string> | undefined>()
  })

  it('accepts a Date or epoch milliseconds, any iterable of names; not text dates', () => {
    expectTypeOf(toRest).toBeCallableWith({}, { now: new Date(), knownEventNames: new Set(['a']) })
    expectTypeOf(toRest).toBeCallableWith({}, { now: 0, knownEventNames: ['a'] })
    expectTypeOf(toMobile).toBeCallableWith({}, { settings: { apiVersion: '1.4' } })
    // @ts-expect-error now is a Date or epoch milliseconds, not ISO text
    toRest({}, { now: '2026-01-01T00:00:00Z' })
    // @ts-expect-error event names are text
    toRest({}, { knownEventNames: [1] })
    // @ts-expect-error an unknown option is a typo
    toRest({}, { setting: {} })
  })

  it('every target accepts any input: the event is checked at run time', () => {
    expectTypeOf(toRest).parameter(0).toEqualTypeOf<unknown>()
    expectTypeOf(toMessenger).parameter(0).toEqualTypeOf<unknown>()
    expectTypeOf(toMobile).parameter(0).toEqualTypeOf<unknown>()
  })
})
